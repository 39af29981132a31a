/** The wire format of Marquee's HTTP API: immutable records and enums shared by server and kiosk. */
package org.marquee.model;
