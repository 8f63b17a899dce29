package io.consilium.report.api;

import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.BreakGlass;
import io.consilium.platform.security.Roles;
import io.consilium.report.domain.Consolidation;
import io.consilium.report.domain.FollowUpQuestion;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.domain.ShareLink;
import io.consilium.report.output.ReportPdf;
import io.consilium.report.service.Addenda;
import io.consilium.report.service.ReportOutputs;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Request and answer records of the output endpoints. */
public final class OutputsResource {


    public static final String PDF = "application/pdf";

    public record ShareRequest(@Min(1) @Max(720) Integer validHours) {
    }

    public record ShareLinkView(UUID id, String token, String path, Instant expiresAt, Instant revokedAt) {
        static ShareLinkView of(ShareLink l, String token) {
            return new ShareLinkView(l.id, token, token == null ? null : "/api/v1/shared-reports/" + token, l.expiresAt,
                    l.revokedAt);
        }
    }

    public record Question(@NotBlank @Size(max = 2000) String question) {
    }

    public record AnswerRequest(@NotBlank @Size(max = 4000) String answer) {
    }

    public record QuestionView(UUID id, UUID reportId, String question, Instant askedAt, Integer answerVersion,
                               Instant answeredAt) {
        static QuestionView of(FollowUpQuestion q) {
            return new QuestionView(q.id, q.reportId, q.question, q.askedAt, q.answerVersion, q.answeredAt);
        }
    }

    private OutputsResource() {
    }
}
