using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Portal.Domain.Compliance;
using Portal.Infrastructure;

namespace Portal.Web.Components;

/// <summary>
/// The staff training matrix as a table: a row per person, a column per required topic, totals
/// underneath. Every status is in words; colour only repeats them. Written straight into the
/// response as the page is sent, not built as a component tree or a string first: a 500 x 44
/// matrix is 22,000 cells and 1.5 MB of HTML, and building it twice cost a quarter of the page.
/// Razor sends it through <see cref="WriteToAsync"/>, a chunk of rows at a time from one pooled
/// buffer (<see cref="ChunkedWriter"/>), so a view neither holds its whole HTML nor allocates per
/// cell: no link is generated per row (a row's link is the staff page's with the membership id on
/// the end), and numbers and dates are formatted in place.
/// Fixed words, dates and class names are written as they are; everything that comes from people
/// (names, teams, job and topic titles, an issuer's name) goes through the encoder.
/// </summary>
/// <param name="staffHref">The staff page's link without the id ("/manage/staff/"): a row's name links to it with their membership id on the end.</param>
/// <param name="encoder">The page's HTML encoder, for <see cref="WriteToAsync"/> (Razor's own call passes none).</param>
public sealed class MatrixTable(MatrixView view, string caption, Func<string, string> jobTitle, string staffHref, HtmlEncoder encoder) : IHtmlAsyncContent
{
    private static readonly ComplianceStatus[] Statuses = Enum.GetValues<ComplianceStatus>();

    /// <summary>The start of a cell in each status, up to its dates: "&lt;td class="mx mx-30"&gt;&lt;b&gt;30 days&lt;/b&gt;".</summary>
    private static readonly string[] Opening = [.. Statuses.Select(s => $"<td class=\"mx {Css(s)}\"><b>{ComplianceRules.ShortLabel(s)}</b>")];

    private const string NotRequired = "<td class=\"mx mx-na\">–<span class=\"visually-hidden\"> not required</span></td>";

    /// <summary>The class that colours a status; the same words are always beside it.</summary>
    public static string Css(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Valid => "mx-valid",
        ComplianceStatus.Expiring90 => "mx-90",
        ComplianceStatus.Expiring60 => "mx-60",
        ComplianceStatus.Expiring30 => "mx-30",
        ComplianceStatus.Expired => "mx-expired",
        _ => "mx-missing",
    };

    /// <summary>The whole table into a writer that may block (a test's, or any caller's but Razor's).</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        WriteHead(writer, encoder);
        foreach (var row in view.Rows)
            WriteRow(writer, encoder, row);
        WriteFoot(writer);
    }

    /// <summary>The table into the response, about 8,000 characters at a time (two or three rows).</summary>
    public async ValueTask WriteToAsync(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var chunk = new ChunkedWriter();
        WriteHead(chunk, encoder);
        foreach (var row in view.Rows)
        {
            WriteRow(chunk, encoder, row);
            if (chunk.Full)
                await chunk.DrainAsync(writer);
        }
        WriteFoot(chunk);
        await chunk.DrainAsync(writer);
    }

    private void WriteHead(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<div class=\"mx-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"mx-caption\"><table class=\"mx-table\"><caption id=\"mx-caption\">");
        encoder.Encode(writer, caption);
        writer.Write("</caption><thead><tr><th scope=\"col\" class=\"mx-name\">Name</th><th scope=\"col\">Job</th><th scope=\"col\">Team</th><th scope=\"col\">Held</th>");
        foreach (var column in view.Columns)
        {
            writer.Write("<th scope=\"col\" class=\"mx-topic\">");
            encoder.Encode(writer, column.Title);
            writer.Write("</th>");
        }
        writer.Write("</tr></thead><tbody>");
    }

    private void WriteRow(TextWriter writer, HtmlEncoder encoder, MatrixRow row)
    {
        var person = row.Person;
        writer.Write("<tr><th scope=\"row\" class=\"mx-name\"><a href=\"");
        encoder.Encode(writer, staffHref);
        writer.Write(person.MembershipId);
        writer.Write("\">");
        encoder.Encode(writer, person.Name);
        writer.Write("</a></th><td class=\"mx-job\">");
        encoder.Encode(writer, jobTitle(person.JobRole));
        writer.Write("</td><td class=\"mx-team\">");
        if (person.Team is { } team)
            encoder.Encode(writer, team);
        writer.Write("</td><td class=\"mx-held\">");
        writer.Write(row.Held);
        writer.Write(" of ");
        writer.Write(row.Required);
        writer.Write("</td>");
        var cells = row.Cells;
        for (var i = 0; i < cells.Count; i++)
            WriteCell(writer, encoder, cells[i]);
        writer.Write("</tr>");
    }

    private void WriteFoot(TextWriter writer)
    {
        writer.Write("</tbody><tfoot><tr><th scope=\"row\" class=\"mx-name\">Held</th><td colspan=\"3\">");
        writer.Write(view.Held);
        writer.Write(" of ");
        writer.Write(view.Required);
        writer.Write("</td>");
        foreach (var column in view.Columns)
        {
            writer.Write("<td>");
            writer.Write(column.Held);
            writer.Write(" of ");
            writer.Write(column.Required);
            writer.Write("</td>");
        }
        writer.Write("</tr><tr><th scope=\"row\" class=\"mx-name\">Expiring within 90 days</th><td colspan=\"3\"></td>");
        foreach (var column in view.Columns)
        {
            writer.Write("<td>");
            writer.Write(column.Count(ComplianceStatus.Expiring30) + column.Count(ComplianceStatus.Expiring60) + column.Count(ComplianceStatus.Expiring90));
            writer.Write("</td>");
        }
        writer.Write("</tr><tr><th scope=\"row\" class=\"mx-name\">Expired or missing</th><td colspan=\"3\"></td>");
        foreach (var column in view.Columns)
        {
            writer.Write("<td>");
            writer.Write(column.Count(ComplianceStatus.Expired) + column.Count(ComplianceStatus.Missing));
            writer.Write("</td>");
        }
        writer.Write("</tr></tfoot></table></div>");
    }

    private static void WriteCell(TextWriter writer, HtmlEncoder encoder, ComplianceCell? cell)
    {
        if (cell is not { } c)
        {
            writer.Write(NotRequired);
            return;
        }
        writer.Write(Opening[(int)c.Status]);
        if (c.Done is { } done)
        {
            writer.Write("<br>");
            WriteDate(writer, done);
        }
        if (c.Expires is { } expires)
        {
            writer.Write("<br>to ");
            WriteDate(writer, expires);
        }
        if (c.RecognisedFrom is { } from)
        {
            writer.Write("<br><i>recognised from ");
            encoder.Encode(writer, from);
            writer.Write("</i>");
        }
        writer.Write("</td>");
    }

    private static void WriteDate(TextWriter writer, DateOnly date)
    {
        Span<char> text = stackalloc char[8];
        _ = date.TryFormatCompact(text, out var written);
        writer.Write(text[..written]);
    }
}
