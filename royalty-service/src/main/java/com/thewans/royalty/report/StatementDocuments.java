package com.thewans.royalty.report;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

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
import com.thewans.royalty.period.Period;
import com.thewans.royalty.statement.StatementLine;
import com.thewans.royalty.statement.StatementView;

/** A party's statements of one period as CSV (one row per line of a statement) and as a PDF. */
@Component
class StatementDocuments {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);

    static final String CSV_HEADER =
            "statement_id,period,party_id,role,film_id,currency,status,revenue_kind,step,base_minor,amount_minor,"
                    + "statement_amount_minor,hash\r\n";

    /** RFC 4180 CSV; amounts in minor units; ids and codes only, so nothing needs quoting. */
    String csv(List<StatementView> statements) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (StatementView s : statements) {
            for (StatementLine l : s.lines()) {
                out.append(s.id()).append(',').append(s.period()).append(',').append(s.partyId()).append(',')
                        .append(s.role()).append(',').append(s.filmId()).append(',').append(s.currency()).append(',')
                        .append(s.status()).append(',').append(l.revenueKind()).append(',').append(l.step())
                        .append(',').append(l.base()).append(',').append(l.amount()).append(',').append(s.amount())
                        .append(',').append(s.hash() == null ? "" : s.hash()).append("\r\n");
            }
        }
        return out.toString();
    }

    byte[] pdf(UUID partyId, Period period, List<StatementView> statements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Royalty statement " + period + " " + partyId);
        document.addCreator("THE WANS royalty-service");
        document.open();
        document.add(new Paragraph("THE WANS royalty statement", TITLE));
        document.add(new Paragraph("Period: " + period + "    Party: " + partyId, TEXT));
        document.add(new Paragraph(" ", TEXT));
        PdfPTable table = new PdfPTable(new float[] {3, 1.2f, 1.4f, 1.2f, 1.5f, 1.5f, 4});
        table.setWidthPercentage(100);
        for (String h : List.of("Film", "Kind", "Step", "Status", "Of", "Your part", "Seal (SHA-256)")) {
            cell(table, h, BOLD, Element.ALIGN_LEFT);
        }
        java.util.Map<String, Long> totals = new java.util.TreeMap<>();
        for (StatementView s : statements) {
            for (StatementLine l : s.lines()) {
                cell(table, s.filmId().toString(), TEXT, Element.ALIGN_LEFT);
                cell(table, l.revenueKind(), TEXT, Element.ALIGN_LEFT);
                cell(table, l.step(), TEXT, Element.ALIGN_LEFT);
                cell(table, s.status(), TEXT, Element.ALIGN_LEFT);
                cell(table, StatementView.display(s.currency(), l.base()), TEXT, Element.ALIGN_RIGHT);
                cell(table, StatementView.display(s.currency(), l.amount()), TEXT, Element.ALIGN_RIGHT);
                cell(table, s.hash() == null ? "(draft)" : s.hash(), TEXT, Element.ALIGN_LEFT);
            }
            totals.merge(s.currency(), s.amount(), Long::sum);
        }
        document.add(table);
        document.add(new Paragraph(" ", TEXT));
        totals.forEach((currency, amount) -> document.add(
                new Paragraph("Total " + currency + ": " + StatementView.display(currency, amount), BOLD)));
        document.add(new Paragraph("Each issued statement's seal can be checked at "
                + "GET /api/royalty/statements/{id}/verify.", TEXT));
        document.close();
        return out.toByteArray();
    }

    private static void cell(PdfPTable table, String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        table.addCell(cell);
    }
}
