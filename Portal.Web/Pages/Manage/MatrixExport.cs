using System.Text;
using Portal.Domain.Compliance;
using Portal.Infrastructure;

namespace Portal.Web.Pages.Manage;

/// <summary>
/// The matrix as an inspector takes it away: one row per person, one column per required topic,
/// each cell in words with its dates, the same view (filters included) as the page.
/// </summary>
internal static class MatrixExport
{
    public static string CellText(ComplianceCell? cell)
    {
        if (cell is not { } c)
            return "Not required";
        var text = new StringBuilder(ComplianceRules.Label(c.Status));
        if (c.Done is { } done)
            text.Append("; done ").Append(done.UkIsoDate());
        if (c.Expires is { } expires)
            text.Append(c.Status == ComplianceStatus.Expired ? "; expired " : "; expires ").Append(expires.UkIsoDate());
        if (c.RecognisedFrom is { } issuer)
            text.Append("; recognised from ").Append(issuer);
        return text.ToString();
    }

    private static string[] Header(MatrixView view) => ["Name", "Job", "Team", "Held", .. view.Columns.Select(c => c.Title)];

    /// <summary>Who the row is: the columns before the topics, the same in every export.</summary>
    private static string[] Person(MatrixRow row, Func<string, string> jobTitle) =>
        [row.Person.Name, jobTitle(row.Person.JobRole), row.Person.Team ?? "", $"{row.Held} of {row.Required}"];

    private static IEnumerable<string[]> Rows(MatrixView view, Func<string, string> jobTitle)
    {
        yield return Header(view);
        foreach (var row in view.Rows)
            yield return [.. Person(row, jobTitle), .. row.Cells.Select(CellText)];
    }

    public static Microsoft.AspNetCore.Mvc.FileContentResult Csv(MatrixView view, Func<string, string> jobTitle, string fileName)
    {
        var csv = new StringBuilder();
        foreach (var row in Rows(view, jobTitle))
            Web.Csv.Row(csv, row);
        return Web.Csv.File(csv, fileName);
    }

    /// <summary>The workbook: a title row with the organisation and date, what the view is filtered to, then the same rows as the CSV.</summary>
    public static Microsoft.AspNetCore.Mvc.FileContentResult Excel(MatrixView view, Func<string, string> jobTitle, string organisation, DateTime asOfUtc, string filters, string fileName)
    {
        var header = Header(view);
        var rows = view.Rows.Select(row => ((IReadOnlyList<string>)Person(row, jobTitle), row.Cells));
        var title = $"Training matrix: {organisation}, as of {asOfUtc.UkDate()}";
        var note = $"{filters}. {view.Rows.Count} {(view.Rows.Count == 1 ? "person" : "people")}, {view.Held} of {view.Required} required items held. Each cell says its status in words; the colour repeats it.";
        var bytes = MatrixWorkbook.Build(title, note, header, rows);
        return new Microsoft.AspNetCore.Mvc.FileContentResult(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = fileName };
    }
}
