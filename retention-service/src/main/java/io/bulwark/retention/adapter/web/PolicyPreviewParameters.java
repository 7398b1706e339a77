package io.bulwark.retention.adapter.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Lists the preview query parameters of {@code GET /api/retention/{targetId}} in the API description, one optional
 * string parameter per {@link PolicyPreview#SETTINGS} entry (name and description from there, in its order), after
 * the path parameter. The controller takes them as one map, so they are described here rather than by annotations.
 */
@Component
public class PolicyPreviewParameters implements OperationCustomizer {

    /** Adds the parameters to the plan operation; every other operation is returned as it is. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (handlerMethod.getBeanType() != RetentionPlanController.class
                || !handlerMethod.getMethod().getName().equals("plan")) {
            return operation;
        }
        for (PolicyPreview.Setting setting : PolicyPreview.SETTINGS) {
            operation.addParametersItem(new Parameter()
                    .in("query")
                    .name(setting.name())
                    .description(setting.description())
                    .required(false)
                    .schema(new StringSchema()));
        }
        return operation;
    }
}
