package org.marquee.server.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * DESIGN §10: answers that Jetty makes before any route runs (a bad escape in the path, a target or header too large,
 * a body that never arrives) carry the §4 error body too, in place of Jetty's HTML page. The status stays the one
 * Jetty chose; the code and message come from {@link ErrorMapper#engineError(int)}. Jetty's own reason text is never
 * shown: it can quote the request.
 */
final class EngineErrorHandler extends ErrorHandler {

    /** Errors found while parsing the request line or headers, before there is a request object. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(ResponseHeaders.NOSNIFF_NAME, ResponseHeaders.NOSNIFF);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(ErrorMapper.engineError(status).body());
    }

    /** Errors with a request: bad URIs found by the servlet layer, read timeouts, failures outside Javalin. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer given ? given : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(ResponseHeaders.NOSNIFF_NAME, ResponseHeaders.NOSNIFF);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(ErrorMapper.engineError(status).body()), callback);
        return true;
    }
}
