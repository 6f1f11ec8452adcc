using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Tests.Common;

/// <summary>
/// An .xlsx file as a person opening it would see it: each cell's text and fill colour by row, the
/// frozen panes, and the column widths. Read with the Open XML SDK, not with the writer's code.
/// </summary>
public sealed class Workbook
{
    public sealed record CellSeen(string Reference, string Text, string? Fill, bool Bold);

    public required IReadOnlyList<IReadOnlyList<CellSeen>> Rows { get; init; }

    /// <summary>The first cell below and right of the frozen panes, e.g. "B4"; null when nothing is frozen.</summary>
    public string? FrozenAt { get; init; }

    public required IReadOnlyList<double> ColumnWidths { get; init; }

    public IReadOnlyList<string> Texts(int row) => [.. Rows[row].Select(c => c.Text)];

    public IReadOnlyList<CellSeen> RowStartingWith(string first) => Rows.Single(r => r.Count > 0 && r[0].Text == first);

    public static Workbook Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("No workbook part.");
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var fills = stylesheet?.Fills?.Elements<Fill>().ToList() ?? [];
        var fonts = stylesheet?.Fonts?.Elements<Font>().ToList() ?? [];

        CellSeen See(Cell cell)
        {
            var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                : cell.CellValue?.Text ?? "";
            string? fill = null;
            var bold = false;
            if (cell.StyleIndex?.Value is { } index && index < formats.Count)
            {
                var format = formats[(int)index];
                var pattern = fills.ElementAtOrDefault((int)(format.FillId?.Value ?? 0))?.PatternFill;
                if (pattern?.PatternType?.Value == PatternValues.Solid)
                    fill = pattern.ForegroundColor?.Rgb?.Value;
                bold = fonts.ElementAtOrDefault((int)(format.FontId?.Value ?? 0))?.Bold is not null;
            }
            return new CellSeen(cell.CellReference?.Value ?? "", text, fill, bold);
        }

        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => (IReadOnlyList<CellSeen>)[.. r.Elements<Cell>().Select(See)]).ToList();
        var pane = worksheet.GetFirstChild<SheetViews>()?.Elements<SheetView>().FirstOrDefault()?.Pane;
        var widths = worksheet.GetFirstChild<Columns>()?.Elements<Column>().Select(c => c.Width?.Value ?? 0).ToList() ?? [];
        return new Workbook
        {
            Rows = rows,
            FrozenAt = pane?.State?.Value == PaneStateValues.Frozen ? pane.TopLeftCell?.Value : null,
            ColumnWidths = widths,
        };
    }
}
