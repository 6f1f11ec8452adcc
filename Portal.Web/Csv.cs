using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web;

/// <summary>CSV downloads: RFC 4180 rows, with cells that a spreadsheet would run as a formula defused.</summary>
internal static class Csv
{
    public static void Row(StringBuilder output, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                output.Append(',');
            var cell = cells[i];
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                cell = "'" + cell;
            if (cell.AsSpan().IndexOfAny("\",\r\n") >= 0)
                cell = "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            output.Append(cell);
        }
        output.Append("\r\n");
    }

    /// <summary>The rows as a download, with a byte-order mark so that Excel opens it as UTF-8 rather than mangling names.</summary>
    public static FileContentResult File(StringBuilder rows, string fileName) =>
        new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(rows.ToString())], "text/csv; charset=utf-8") { FileDownloadName = fileName };
}
