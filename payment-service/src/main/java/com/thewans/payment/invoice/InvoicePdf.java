package com.thewans.payment.invoice;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.thewans.payment.web.Currency;

/** An invoice as a one-page PDF: seller, number and date, what was bought, and the GST it holds. */
@Component
class InvoicePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

    byte[] render(Invoice invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle("Tax invoice " + invoice.number());
        document.addCreator("THE WANS payment-service");
        document.open();
        document.add(new Paragraph("THE WANS", TITLE));
        document.add(new Paragraph("Film streaming for Papua New Guinea and the Pacific", TEXT));
        document.add(new Paragraph(" ", TEXT));
        document.add(new Paragraph("TAX INVOICE " + invoice.number(), BOLD));
        document.add(new Paragraph("Date: " + DATE.format(invoice.issuedAt()), TEXT));
        document.add(new Paragraph("Customer: " + invoice.userId(), TEXT));
        document.add(new Paragraph("Payment: " + invoice.transactionId(), TEXT));
        document.add(new Paragraph(" ", TEXT));

        Currency currency = Currency.valueOf(invoice.currency());
        PdfPTable lines = new PdfPTable(new float[] {3, 1});
        lines.setWidthPercentage(100);
        cell(lines, "Description", BOLD, Element.ALIGN_LEFT);
        cell(lines, "Amount", BOLD, Element.ALIGN_RIGHT);
        cell(lines, invoice.description(), TEXT, Element.ALIGN_LEFT);
        cell(lines, currency.display(invoice.amount()), TEXT, Element.ALIGN_RIGHT);
        cell(lines, "Amount before GST", TEXT, Element.ALIGN_LEFT);
        cell(lines, currency.display(invoice.netAmount()), TEXT, Element.ALIGN_RIGHT);
        cell(lines, invoice.gstAmount() > 0 ? "GST 10% included" : "GST (export of a service, zero-rated)", TEXT,
                Element.ALIGN_LEFT);
        cell(lines, currency.display(invoice.gstAmount()), TEXT, Element.ALIGN_RIGHT);
        cell(lines, "Total paid", BOLD, Element.ALIGN_LEFT);
        cell(lines, currency.display(invoice.amount()), BOLD, Element.ALIGN_RIGHT);
        document.add(lines);
        document.add(new Paragraph(" ", TEXT));
        document.add(new Paragraph("Prices include GST where it applies. Keep this invoice for your records.", TEXT));
        document.close();
        return out.toByteArray();
    }

    private static void cell(PdfPTable table, String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(6);
        table.addCell(cell);
    }
}
