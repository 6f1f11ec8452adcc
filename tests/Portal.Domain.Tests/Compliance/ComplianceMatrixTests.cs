using Portal.Domain.Compliance;

namespace Portal.Domain.Tests.Compliance;

public sealed class ComplianceMatrixTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Topic Safeguarding = new(TopicKind.Module, "safeguarding-adults");
    private static readonly Topic Fire = new(TopicKind.Module, "fire-safety");
    private static readonly Topic Catheter = new(TopicKind.Competency, "catheter-care");

    private static readonly (Topic, string)[] Topics = [(Fire, "Fire safety"), (Safeguarding, "Safeguarding adults"), (Catheter, "Catheter care")];

    private static readonly Dictionary<string, IReadOnlyList<Topic>> Required = new()
    {
        ["care-worker"] = [Safeguarding, Fire],
        ["enhanced-care-worker"] = [Safeguarding, Fire, Catheter],
    };

    private static readonly MatrixPerson Ann = new(1, "ann", "Ann", "care-worker", "North");
    private static readonly MatrixPerson Bob = new(2, "bob", "Bob", "enhanced-care-worker", "South");
    private static readonly MatrixPerson Cat = new(3, "cat", "Cat", "care-worker", "South");

    // Ann holds everything; Bob's safeguarding expires in 20 days and catheter care is missing; Cat's fire safety expired.
    private static ComplianceCell Cell(MatrixPerson person, Topic topic) => (person.UserId, topic.Slug) switch
    {
        ("bob", "safeguarding-adults") => ComplianceRules.Cell(Now.AddYears(-1), Now.AddDays(20), Now),
        ("bob", "catheter-care") => ComplianceRules.Cell(null, null, Now),
        ("cat", "fire-safety") => ComplianceRules.Cell(Now.AddYears(-2), Now.AddDays(-3), Now),
        _ => ComplianceRules.Cell(Now.AddMonths(-1), Now.AddYears(1), Now),
    };

    private static MatrixView Build(MatrixFilter filter) => ComplianceMatrix.Build([Ann, Bob, Cat], Required, Topics, Cell, filter);

    [Fact]
    public void ColumnsAreTheTopicsTheirJobsRequireInOrder()
    {
        var view = Build(new());
        Assert.Equal([Fire, Safeguarding, Catheter], view.Columns.Select(c => c.Topic));
        Assert.Equal(["Ann", "Bob", "Cat"], view.Rows.Select(r => r.Person.Name));
        // A care worker's catheter-care cell is empty, not missing: it is not required of them.
        Assert.Null(view.Rows[0].Cells[2]);
        Assert.Equal(ComplianceStatus.Missing, view.Rows[1].Cells[2]!.Value.Status);
    }

    [Fact]
    public void TotalsAndCompliance()
    {
        var view = Build(new());
        Assert.Equal(7, view.Required);
        Assert.Equal(5, view.Held);
        Assert.Equal(71, view.CompliancePercent);
        var fire = view.Columns[0];
        Assert.Equal(3, fire.Required);
        Assert.Equal(2, fire.Held);
        Assert.Equal(1, fire.Count(ComplianceStatus.Expired));
        Assert.Equal(1, view.Columns[1].Count(ComplianceStatus.Expiring30));
        Assert.Equal(ComplianceStatus.Missing, view.Rows[1].Worst);
        Assert.Equal(ComplianceStatus.Valid, view.Rows[0].Worst);
    }

    [Fact]
    public void FiltersNarrowRowsColumnsAndTotals()
    {
        var careWorkers = Build(new(JobRole: "care-worker"));
        Assert.Equal(["Ann", "Cat"], careWorkers.Rows.Select(r => r.Person.Name));
        Assert.Equal([Fire, Safeguarding], careWorkers.Columns.Select(c => c.Topic));

        var south = Build(new(Team: "south"));
        Assert.Equal(["Bob", "Cat"], south.Rows.Select(r => r.Person.Name));

        var expired = Build(new(Status: ComplianceStatus.Expired));
        Assert.Equal(["Cat"], expired.Rows.Select(r => r.Person.Name));
        Assert.Equal(50, expired.CompliancePercent);
    }

    [Fact]
    public void ComplianceRoundsDownAndIsNullWithNothingRequired()
    {
        Assert.Null(ComplianceMatrix.Build([], Required, Topics, Cell, new()).CompliancePercent);
        var nearlyAll = ComplianceMatrix.Build(Enumerable.Range(0, 300).Select(i => new MatrixPerson(i, i == 0 ? "cat" : $"p{i}", $"P{i}", "care-worker", null)), Required, Topics, Cell, new());
        Assert.Equal(599, nearlyAll.Held);
        Assert.Equal(99, nearlyAll.CompliancePercent);
    }
}
