package com.thewans.payment.invoice;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.PageOf;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/invoices")
@Validated
@Tag(name = "Invoices", description = "A tax invoice for every captured payment, numbered without gaps per year,"
        + " with the GST it holds; as JSON or as a PDF. Viewers read their own, admins any.")
class InvoiceController {

    private final Invoices invoices;
    private final InvoicePdf pdf;

    InvoiceController(Invoices invoices, InvoicePdf pdf) {
        this.invoices = invoices;
        this.pdf = pdf;
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's invoices, newest first")
    PageOf<InvoiceView> mine(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageOf.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageOf.of(invoices.ofUser(user.userId(), page, size).stream().map(InvoiceView::of).toList(), page, size,
                invoices.countOfUser(user.userId()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One invoice (its owner or an admin)")
    @ApiResponse(responseCode = "404", description = "No such invoice, or someone else's (`invoice-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    InvoiceView one(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return InvoiceView.of(invoices.readable(user, id));
    }

    @GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "One invoice as a PDF (its owner or an admin)")
    @ApiResponse(responseCode = "200", description = "the PDF",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE))
    @ApiResponse(responseCode = "404", description = "No such invoice, or someone else's (`invoice-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        Invoice invoice = invoices.readable(user, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(invoice.number() + ".pdf").build().toString())
                .body(pdf.render(invoice));
    }
}
