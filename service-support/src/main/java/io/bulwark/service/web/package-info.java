/**
 * What the HTTP APIs of the servlet services share: {@link io.bulwark.service.web.FieldProblemExceptionHandler}
 * answers malformed request bodies and parameters of the wrong type as RFC 9457 problems naming the field.
 */
package io.bulwark.service.web;
