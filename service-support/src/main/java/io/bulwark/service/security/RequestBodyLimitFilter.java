package io.bulwark.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code bulwark.security.max-request-body} with 413 ({@link
 * ProblemResponses#bodyTooLarge}) before anything parses them: a declared {@code Content-Length} over the limit is
 * refused unread; a body without one (chunked) is read up to one byte past the limit into memory and refused when it
 * reaches that byte, else handed on from memory. Runs before authentication, so that no caller, known or not, can
 * make a service buffer more. Thread-safe.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limitBytes;

    /**
     * @param limitBytes the largest body accepted, in bytes, at least 0 and at most {@link Integer#MAX_VALUE} - 1
     * @throws IllegalArgumentException when out of range
     */
    public RequestBodyLimitFilter(long limitBytes) {
        if (limitBytes < 0 || limitBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bulwark.security.max-request-body out of range: " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limitBytes) {
            ProblemResponses.bodyTooLarge(request, response, limitBytes);
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) limitBytes + 1);
        if (body.length > limitBytes) {
            ProblemResponses.bodyTooLarge(request, response, limitBytes);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /** A request whose body was read into memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
