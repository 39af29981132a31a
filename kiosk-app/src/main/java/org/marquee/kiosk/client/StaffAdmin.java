package org.marquee.kiosk.client;

import java.util.List;
import org.marquee.model.StaffMember;
import org.marquee.model.StaffRequest;

/**
 * {@code /admin/staff} (DESIGN §7.2): create, and change name, role, PIN or active. A change that would leave no active
 * manager is 409 {@code LAST_MANAGER}. Blocking; {@link ApiProblem} on refusal.
 */
public interface StaffAdmin {

    List<StaffMember> staff();

    StaffMember createStaff(StaffRequest request);

    StaffMember updateStaff(long id, StaffRequest change);
}
