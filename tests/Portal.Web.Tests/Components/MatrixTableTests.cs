using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using Portal.Domain.Compliance;
using Portal.Web.Components;

namespace Portal.Web.Tests.Components;

/// <summary>The matrix table: every status in words (colour only repeats them), dates, blanks that say so, and totals.</summary>
public sealed class MatrixTableTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Topic Fire = new(TopicKind.Module, "fire-safety");
    private static readonly Topic Glucose = new(TopicKind.Competency, "blood-glucose-monitoring");

    private static MatrixView View()
    {
        var people = new[]
        {
            new MatrixPerson(11, "ann", "Ann Ahmed", "care-worker", "North"),
            new MatrixPerson(12, "bo", "Bo Brown", "enhanced-care-worker", null),
        };
        var required = new Dictionary<string, IReadOnlyList<Topic>> { ["care-worker"] = [Fire], ["enhanced-care-worker"] = [Fire, Glucose] };
        return ComplianceMatrix.Build(people, required, [(Fire, "Fire safety"), (Glucose, "Blood glucose monitoring (sign-off)")],
            (person, topic) => (person.UserId, topic.Slug) switch
            {
                ("ann", _) => ComplianceRules.Cell(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), Now.AddDays(20), Now),
                ("bo", "fire-safety") => ComplianceRules.Cell(new DateTime(2025, 1, 5, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc), Now),
                _ => ComplianceRules.Cell(null, null, Now),
            }, new());
    }

    private static string Markup(MatrixTable table)
    {
        using var writer = new StringWriter();
        table.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static IDocument Table() =>
        new HtmlParser().ParseDocument(Markup(new MatrixTable(View(), "Training matrix for Aire Homecare",
            slug => slug == "care-worker" ? "Care worker" : "Enhanced care worker", "/manage/staff/", HtmlEncoder.Default)));

    [Fact]
    public void EachCellSaysItsStatusAndDatesInWords()
    {
        var rows = Table().QuerySelectorAll("tbody tr");
        var ann = rows[0].QuerySelectorAll("td.mx");
        Assert.Equal("30 days", ann[0].QuerySelector("b")!.TextContent);
        Assert.Equal("30 days02/03/26to 17/12/26", ann[0].TextContent);
        Assert.Equal(2, ann[0].QuerySelectorAll("br").Length);
        Assert.Contains("mx-30", ann[0].ClassName, StringComparison.Ordinal);
        var bo = rows[1].QuerySelectorAll("td.mx");
        Assert.StartsWith("Expired", bo[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("to 05/01/26", bo[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("mx-expired", bo[0].ClassName, StringComparison.Ordinal);
        Assert.Equal("Missing", bo[1].TextContent.Trim());
        Assert.Contains("mx-missing", bo[1].ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void ATopicTheirJobDoesNotRequireSaysSoToScreenReaders()
    {
        var annCells = Table().QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td.mx");
        Assert.Contains("mx-na", annCells[1].ClassName, StringComparison.Ordinal);
        Assert.Equal(" not required", annCells[1].QuerySelector(".visually-hidden")!.TextContent);
    }

    [Fact]
    public void RowsNameAndLinkThePersonWithTheirJobTeamAndCount()
    {
        var row = Table().QuerySelectorAll("tbody tr")[0];
        var name = row.QuerySelector("th[scope=row] a")!;
        Assert.Equal("Ann Ahmed", name.TextContent);
        Assert.Equal("/manage/staff/11", name.GetAttribute("href"));
        Assert.Equal("Care worker", row.QuerySelector(".mx-job")!.TextContent);
        Assert.Equal("North", row.QuerySelector(".mx-team")!.TextContent);
        Assert.Equal("1 of 1", row.QuerySelector(".mx-held")!.TextContent);
    }

    [Fact]
    public void TheTableHasACaptionHeadersAndTotalsPerColumn()
    {
        var table = Table();
        Assert.Equal("Training matrix for Aire Homecare", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Name", "Job", "Team", "Held", "Fire safety", "Blood glucose monitoring (sign-off)"], table.QuerySelectorAll("thead th[scope=col]").Select(h => h.TextContent));
        var footer = table.QuerySelectorAll("tfoot tr");
        Assert.Equal(["1 of 3", "1 of 2", "0 of 1"], footer[0].QuerySelectorAll("td").Select(t => t.TextContent));
        Assert.Equal(["", "1", "0"], footer[1].QuerySelectorAll("td").Select(t => t.TextContent));
        Assert.Equal(["", "1", "1"], footer[2].QuerySelectorAll("td").Select(t => t.TextContent));
        // The scrolling region can be reached and scrolled from the keyboard, and is named.
        var region = table.QuerySelector(".mx-scroll")!;
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("mx-caption", region.GetAttribute("aria-labelledby"));
    }

    /// <summary>
    /// The table as the Razor component wrote it before the table was written straight into the
    /// response (the fixture has every kind of cell, and names, titles and an issuer that need
    /// encoding): the same elements, attributes and words, whitespace aside.
    /// </summary>
    [Fact]
    public void TheTableIsTheMarkupTheComponentWrote() =>
        Markup(new MatrixTable(MatrixFixture.View(), MatrixFixture.Caption, MatrixFixture.JobTitle, MatrixFixture.StaffHref, HtmlEncoder.Default)).MarkupMatches(ComponentMarkup);

    /// <summary>
    /// Razor sends the table through its asynchronous path: the same markup as the synchronous one,
    /// in pieces of a few rows, every one written asynchronously (a blocking write to the response
    /// throws in Kestrel), none holding the table whole.
    /// </summary>
    [Fact]
    public async Task TheResponseGetsTheSameTableAFewRowsAtATime()
    {
        var table = new MatrixTable(MatrixFixture.View(copies: 150), MatrixFixture.Caption, MatrixFixture.JobTitle, MatrixFixture.StaffHref, HtmlEncoder.Default);
        var whole = Markup(table);
        await using var response = new ResponseWriter();

        await table.WriteToAsync(response);

        Assert.Equal(whole, response.ToString());
        Assert.Equal(0, response.BlockingWrites);
        Assert.InRange(response.Pieces.Count, whole.Length / 20_000, whole.Length / 8_000 + 1);
        Assert.All(response.Pieces, length => Assert.InRange(length, 1, 20_000));
        Assert.Contains("<a href=\"/manage/staff/610\">Dev Patel</a>", whole, StringComparison.Ordinal);
    }

    /// <summary>A response's writer as the table sees it: what came asynchronously, in what pieces, and any blocking write.</summary>
    private sealed class ResponseWriter : StringWriter
    {
        public List<int> Pieces { get; } = [];

        public int BlockingWrites { get; private set; }

        public override Task WriteAsync(char[] buffer, int index, int count)
        {
            Pieces.Add(count);
            base.Write(buffer, index, count);
            return Task.CompletedTask;
        }

        public override void Write(char value) => BlockingWrites++;

        public override void Write(char[] buffer, int index, int count) => BlockingWrites++;

        public override void Write(ReadOnlySpan<char> buffer) => BlockingWrites++;

        public override void Write(string? value) => BlockingWrites++;
    }

    private const string ComponentMarkup = """
<div class="mx-scroll" tabindex="0" role="region" aria-labelledby="mx-caption"><table class="mx-table"><caption id="mx-caption">Training matrix for Aire &amp; Calder &lt;Homecare&gt;</caption>
        <thead><tr><th scope="col" class="mx-name">Name</th>
                <th scope="col">Job</th>
                <th scope="col">Team</th>
                <th scope="col">Held</th><th scope="col" class="mx-topic">Fire safety</th><th scope="col" class="mx-topic">Food hygiene &amp; nutrition</th><th scope="col" class="mx-topic">Moving and handling</th><th scope="col" class="mx-topic">Blood glucose monitoring (sign-off)</th></tr></thead>
        <tbody><tr><th scope="row" class="mx-name"><a href="/manage/staff/11">Ann Ahmed</a></th>
    <td class="mx-job">Care worker</td>
    <td class="mx-team">Harehills North</td>
    <td class="mx-held">2 of 2</td>
    <td class="mx mx-30"><b>30 days</b><br>02/03/26<br>to 17/12/26</td><td class="mx mx-60"><b>60 days</b><br>15/01/26<br>to 11/01/27</td><td class="mx mx-na">–<span class="visually-hidden"> not required</span></td><td class="mx mx-na">–<span class="visually-hidden"> not required</span></td></tr><tr><th scope="row" class="mx-name"><a href="/manage/staff/12">Bo Brown</a></th>
    <td class="mx-job">Enhanced care worker</td>
    <td class="mx-team"></td>
    <td class="mx-held">2 of 4</td>
    <td class="mx mx-expired"><b>Expired</b><br>05/01/25<br>to 05/01/26</td><td class="mx mx-90"><b>90 days</b><br>01/02/26<br>to 10/02/27</td><td class="mx mx-valid"><b>Valid</b><br>01/10/26<br>to 01/10/27<br><i>recognised from Leeds Teaching Hospitals &lt;NHS&gt; &amp; &quot;Partners&quot;</i></td><td class="mx mx-missing"><b>Missing</b></td></tr><tr><th scope="row" class="mx-name"><a href="/manage/staff/13">Cat O'Connor &amp; &lt;Sons&gt;</a></th>
    <td class="mx-job">Senior care worker &amp; "lead"</td>
    <td class="mx-team">Chapeltown &amp; Roundhay</td>
    <td class="mx-held">1 of 1</td>
    <td class="mx mx-na">–<span class="visually-hidden"> not required</span></td><td class="mx mx-na">–<span class="visually-hidden"> not required</span></td><td class="mx mx-valid"><b>Valid</b><br>30/06/24</td><td class="mx mx-na">–<span class="visually-hidden"> not required</span></td></tr><tr><th scope="row" class="mx-name"><a href="/manage/staff/14">Dev Patel</a></th>
    <td class="mx-job">Enhanced care worker</td>
    <td class="mx-team">Headingley</td>
    <td class="mx-held">2 of 4</td>
    <td class="mx mx-valid"><b>Valid</b><br>01/11/26<br>to 01/11/27</td><td class="mx mx-missing"><b>Missing</b></td><td class="mx mx-missing"><b>Missing</b></td><td class="mx mx-valid"><b>Valid</b><br>02/03/26<br>to 02/03/27</td></tr></tbody>
        <tfoot><tr><th scope="row" class="mx-name">Held</th>
                <td colspan="3">7 of 11</td><td>2 of 3</td><td>2 of 3</td><td>2 of 3</td><td>1 of 2</td></tr>
            <tr><th scope="row" class="mx-name">Expiring within 90 days</th>
                <td colspan="3"></td><td>1</td><td>2</td><td>0</td><td>0</td></tr>
            <tr><th scope="row" class="mx-name">Expired or missing</th>
                <td colspan="3"></td><td>1</td><td>1</td><td>1</td><td>1</td></tr></tfoot></table></div>
""";
}
