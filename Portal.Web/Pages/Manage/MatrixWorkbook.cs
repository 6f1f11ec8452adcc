using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Portal.Domain.Compliance;

namespace Portal.Web.Pages.Manage;

/// <summary>
/// The matrix as an Excel workbook an inspector can read at a glance: a title row naming the
/// organisation and the date it shows, the filters applied, a header row, one row per person with
/// names and headings frozen while scrolling, columns wide enough for their words, and each status
/// cell coloured as well as worded (the colour never carries the meaning alone).
/// </summary>
internal static class MatrixWorkbook
{
    /// <summary>Style indexes into <see cref="Stylesheet"/>'s cell formats, in the order built there.</summary>
    private enum Style : uint
    {
        Plain = 0,
        Title = 1,
        Note = 2,
        Header = 3,
        Valid = 4,
        DueSoon = 5,
        Expired = 6,
        Missing = 7,
        NotRequired = 8,
    }

    /// <summary>The first data row (1-based): title, note, header, then people.</summary>
    public const int FirstPersonRow = 4;

    public static byte[] Build(string title, string note, IReadOnlyList<string> header, IEnumerable<(IReadOnlyList<string> Person, IReadOnlyList<ComplianceCell?> Cells)> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(sheetPart, title, note, header, rows);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Training matrix" }));
            // The title row prints at the top of every page too.
            workbookPart.Workbook.AppendChild(new DefinedNames(new DefinedName($"'Training matrix'!$1:${FirstPersonRow - 1}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, string title, string note, IReadOnlyList<string> header,
        IEnumerable<(IReadOnlyList<string> Person, IReadOnlyList<ComplianceCell?> Cells)> rows)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());

        // Names and the three heading rows stay in view while scrolling across and down.
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        writer.WriteElement(new Pane
        {
            HorizontalSplit = 1,
            VerticalSplit = FirstPersonRow - 1,
            TopLeftCell = $"B{FirstPersonRow}",
            ActivePane = PaneValues.BottomRight,
            State = PaneStateValues.Frozen,
        });
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement(new Columns());
        for (var i = 0; i < header.Count; i++)
        {
            var width = i switch
            {
                0 => 26,
                1 => 24,
                2 => 14,
                3 => 10,
                // A topic column fits its status words with dates ("Expires within 30 days; done ...").
                _ => Math.Clamp(header[i].Length + 2, 30, 44),
            };
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
        }
        writer.WriteEndElement();

        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, [(title, Style.Title)]);
        WriteRow(writer, 2, [(note, Style.Note)]);
        WriteRow(writer, 3, header.Select(h => (h, Style.Header)).ToList());
        var rowNumber = FirstPersonRow;
        foreach (var (person, cells) in rows)
        {
            var values = new List<(string, Style)>(person.Count + cells.Count);
            values.AddRange(person.Select(v => (v, Style.Plain)));
            values.AddRange(cells.Select(c => (MatrixExport.CellText(c), StyleOf(c))));
            WriteRow(writer, rowNumber++, values);
        }
        writer.WriteEndElement();

        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IReadOnlyList<(string Text, Style Style)> values)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var i = 0; i < values.Count; i++)
        {
            var (text, style) = values[i];
            // Text is always a string cell: a name beginning "=" is never run as a formula.
            writer.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = ColumnName(i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = (uint)style,
            });
        }
        writer.WriteEndElement();
    }

    private static Style StyleOf(ComplianceCell? cell) => cell?.Status switch
    {
        null => Style.NotRequired,
        ComplianceStatus.Valid => Style.Valid,
        ComplianceStatus.Expiring90 or ComplianceStatus.Expiring60 or ComplianceStatus.Expiring30 => Style.DueSoon,
        ComplianceStatus.Expired => Style.Expired,
        _ => Style.Missing,
    };

    /// <summary>
    /// Fonts, fills and cell formats in <see cref="Style"/>'s order. Colours are the familiar
    /// spreadsheet "good, neutral, bad" pairs, each text colour at least 4.5:1 on its fill.
    /// </summary>
    private static Stylesheet Stylesheet()
    {
        static Font Font(string rgb, bool bold = false, bool italic = false, double size = 11)
        {
            var font = new Font();
            if (bold)
                font.AppendChild(new Bold());
            if (italic)
                font.AppendChild(new Italic());
            font.AppendChild(new FontSize { Val = size });
            font.AppendChild(new Color { Rgb = "FF" + rgb });
            font.AppendChild(new FontName { Val = "Calibri" });
            return font;
        }
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = "FF" + rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

        var fonts = new Fonts(
            Font("000000"),                   // 0 plain
            Font("000000", bold: true, size: 14), // 1 title
            Font("404040", italic: true),     // 2 note
            Font("000000", bold: true),       // 3 header
            Font("006100"),                   // 4 valid
            Font("7A4100"),                   // 5 due soon
            Font("9C0006", bold: true),       // 6 expired
            Font("9C0006"),                   // 7 missing
            Font("505050", italic: true));    // 8 not required
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),    // 0 required by the format
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), // 1 required by the format
            Solid("D9E1F2"), // 2 header
            Solid("C6EFCE"), // 3 valid
            Solid("FFEB9C"), // 4 due soon
            Solid("FFC7CE"), // 5 expired
            Solid("FCE4D6"), // 6 missing
            Solid("F2F2F2")); // 7 not required
        var borders = new Borders(
            new Border(),
            new Border(
                new LeftBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Rgb = "FFBFBFBF" }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()));
        static CellFormat Format(uint font, uint fill, uint border, bool wrap = false) => new(wrap ? new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } : new Alignment { Vertical = VerticalAlignmentValues.Top })
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            ApplyFont = true,
            ApplyFill = fill != 0,
            ApplyBorder = border != 0,
            ApplyAlignment = true,
        };
        var formats = new CellFormats(
            Format(0, 0, 1),           // Plain
            Format(1, 0, 0),           // Title
            Format(2, 0, 0),           // Note
            Format(3, 2, 1, wrap: true), // Header
            Format(4, 3, 1),           // Valid
            Format(5, 4, 1),           // DueSoon
            Format(6, 5, 1),           // Expired
            Format(7, 6, 1),           // Missing
            Format(8, 7, 1));          // NotRequired
        return new Stylesheet(fonts, fills, borders, new CellStyleFormats(new CellFormat()), formats);
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + ((index - 1) % 26)) + name;
        return name;
    }
}
