using System.Text;
using MiniExcelLibs;
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
        return text.ToString();
    }

    private static IEnumerable<string[]> Rows(MatrixView view, Func<string, string> jobTitle)
    {
        yield return ["Name", "Job", "Team", "Held", .. view.Columns.Select(c => c.Title)];
        foreach (var row in view.Rows)
            yield return [row.Person.Name, jobTitle(row.Person.JobRole), row.Person.Team ?? "", $"{row.Held} of {row.Required}", .. row.Cells.Select(CellText)];
    }

    public static Microsoft.AspNetCore.Mvc.FileContentResult Csv(MatrixView view, Func<string, string> jobTitle, string fileName)
    {
        var csv = new StringBuilder();
        foreach (var row in Rows(view, jobTitle))
            Web.Csv.Row(csv, row);
        return Web.Csv.File(csv, fileName);
    }

    public static Microsoft.AspNetCore.Mvc.FileContentResult Excel(MatrixView view, Func<string, string> jobTitle, string sheetName, string fileName)
    {
        var rows = Rows(view, jobTitle).ToList();
        var header = rows[0];
        // Keyed by column letter so that two topics with one title never collide; the first row is the header.
        var keys = Enumerable.Range(0, header.Length).Select(ColumnName).ToArray();
        var sheet = rows.Select(r => (IDictionary<string, object>)keys.Select((k, i) => (k, (object)r[i])).ToDictionary(x => x.k, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, sheetName: sheetName);
        return new Microsoft.AspNetCore.Mvc.FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = fileName };
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + ((index - 1) % 26)) + name;
        return name;
    }
}
