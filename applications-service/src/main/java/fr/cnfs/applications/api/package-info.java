/**
 * The REST API of applications-service. The OpenAPI definition sits here, where SmallRye OpenAPI reads it: the
 * bearer scheme, the tags, and the problem responses that read alike everywhere (400, 401, 403, 404, 409 illegal
 * transition, 412), referenced by name from the operations.
 */
@OpenAPIDefinition(
        info = @Info(title = "CnFS applications-service", version = "1.0.0"),
        tags = {
                @Tag(name = ApiDocumentation.STRUCTURES, description = "Structures accueillantes: registration and contact"),
                @Tag(name = ApiDocumentation.CAMPAIGNS, description = "AMI waves: dates, national post quota, funding phase"),
                @Tag(name = ApiDocumentation.APPLICATIONS, description = "Candidatures: creation, search, export, history"),
                @Tag(name = ApiDocumentation.REVIEW, description = "Instruction and COSELEC decision: commands on an application"),
                @Tag(name = ApiDocumentation.COMMENTS, description = "Messages to the structure and internal reviewer notes") },
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = ApiDocumentation.BEARER,
                        type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                        description = "JWT of the CnFS identity provider; roles in the groups claim, siret and "
                                + "departement claims for structures and prefects"),
                responses = {
                        @APIResponse(name = ApiDocumentation.INVALID, responseCode = "400",
                                description = "Malformed or invalid input; violations name each field",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION))),
                        @APIResponse(name = ApiDocumentation.UNAUTHENTICATED, responseCode = "401",
                                description = "No valid bearer token",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED))),
                        @APIResponse(name = ApiDocumentation.FORBIDDEN, responseCode = "403",
                                description = "The caller's role does not allow this operation",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN))),
                        @APIResponse(name = ApiDocumentation.NOT_FOUND, responseCode = "404",
                                description = "No such resource, or not one the caller may see (another structure's, "
                                        + "another département's)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND))),
                        @APIResponse(name = ApiDocumentation.STALE, responseCode = "412",
                                description = "If-Match does not carry the current ETag; read the resource again",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE))),
                        @APIResponse(name = ApiDocumentation.ILLEGAL_TRANSITION, responseCode = "409",
                                description = "The command is not possible in the application's current status; "
                                        + "nothing changed",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "illegal transition", value = Examples.PROBLEM_ILLEGAL_TRANSITION))) }))
package fr.cnfs.applications.api;

import fr.cnfs.applications.api.ApiDocumentation;
import fr.cnfs.applications.api.Examples;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.plumbing.problem.Problem;

