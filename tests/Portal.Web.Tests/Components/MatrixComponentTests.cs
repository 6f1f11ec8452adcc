using Bunit;
using Portal.Domain.Compliance;
using Portal.Web.Components;

namespace Portal.Web.Tests.Components;

/// <summary>The matrix row and table: every status in words (colour only repeats them), dates, blanks that say so, and totals.</summary>
public sealed class MatrixComponentTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Topic Fire = new(TopicKind.Module, "fire-safety");
    private static readonly Topic Glucose = new(TopicKind.Competency, "blood-glucose-monitoring");

    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

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

    private IRenderedComponent<MatrixTable> Table() =>
        _context.Render<MatrixTable>(p => p
            .Add(c => c.View, View())
            .Add(c => c.Caption, "Training matrix for Aire Homecare")
            .Add(c => c.JobTitle, slug => slug == "care-worker" ? "Care worker" : "Enhanced care worker")
            .Add(c => c.PersonHref, person => $"/manage/staff/{person.MembershipId}"));

    [Fact]
    public void EachCellSaysItsStatusAndDatesInWords()
    {
        var rows = Table().FindAll("tbody tr");
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
        var annCells = Table().FindAll("tbody tr")[0].QuerySelectorAll("td.mx");
        Assert.Contains("mx-na", annCells[1].ClassName, StringComparison.Ordinal);
        Assert.Equal(" not required", annCells[1].QuerySelector(".visually-hidden")!.TextContent);
    }

    [Fact]
    public void RowsNameAndLinkThePersonWithTheirJobTeamAndCount()
    {
        var row = Table().FindAll("tbody tr")[0];
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
        Assert.Equal("Training matrix for Aire Homecare", table.Find("caption").TextContent);
        Assert.Equal(["Name", "Job", "Team", "Held", "Fire safety", "Blood glucose monitoring (sign-off)"], table.FindAll("thead th[scope=col]").Select(h => h.TextContent));
        var footer = table.FindAll("tfoot tr");
        Assert.Equal(["1 of 3", "1 of 2", "0 of 1"], footer[0].QuerySelectorAll("td").Select(t => t.TextContent));
        Assert.Equal(["", "1", "0"], footer[1].QuerySelectorAll("td").Select(t => t.TextContent));
        Assert.Equal(["", "1", "1"], footer[2].QuerySelectorAll("td").Select(t => t.TextContent));
        // The scrolling region can be reached and scrolled from the keyboard, and is named.
        var region = table.Find(".mx-scroll");
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("mx-caption", region.GetAttribute("aria-labelledby"));
    }
}
