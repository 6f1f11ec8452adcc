using Portal.Domain.Compliance;
using Portal.Domain.Passport;

namespace Portal.Domain.Tests.Passport;

public sealed class EquivalencesTests
{
    private static readonly Equivalences Table = new([
        new Equivalence("understand-your-role", [], [1, 2]),
        new Equivalence("duty-of-care", [], [3]),
        new Equivalence("safeguarding-adults", ["https://academy.example/achievements/safeguarding-level-1"], []),
        new Equivalence("person-centred-working", [], [1]),
    ]);

    [Fact]
    public void AnExactAchievementIdCountsAsItsModuleWhateverItAlignsTo() =>
        Assert.Equal("safeguarding-adults", Table.ModuleFor("https://academy.example/achievements/safeguarding-level-1", [3]));

    [Fact]
    public void AnAlignmentCountsOnlyWhenEveryStandardOfTheEntryIsCovered()
    {
        Assert.Equal("duty-of-care", Table.ModuleFor("https://elsewhere.example/a", [3, 7]));
        Assert.Null(Table.ModuleFor("https://elsewhere.example/a", [2]));
    }

    [Fact]
    public void TheEntryNamingMoreStandardsWinsOverALooserOne() =>
        Assert.Equal("understand-your-role", Table.ModuleFor("https://elsewhere.example/a", [1, 2]));

    [Fact]
    public void AnAchievementNobodyMappedCountsAsNothing() =>
        Assert.Null(Table.ModuleFor("https://elsewhere.example/a", []));
}

public sealed class RecognitionTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    private static Recognition Recognised(DateTime? until = null) =>
        Recognition.Record(Guid.NewGuid(), "user", "urn:uuid:1", "https://academy.example/issuer", "Calder Valley Care Academy", "https://academy.example/a",
            "Basic life support", "basic-life-support-awareness", Now.AddDays(-10), until, "https://academy.example/status/1", 7, "manager", Now);

    [Fact]
    public void CountsUntilTheMomentItEnds()
    {
        var recognition = Recognised(Now.AddDays(30));
        Assert.True(recognition.Counts(Now.AddDays(30).AddTicks(-1)));
        Assert.False(recognition.Counts(Now.AddDays(30)));
    }

    [Fact]
    public void ACheckThatFindsItRevokedStopsItCountingForGood()
    {
        var recognition = Recognised();
        recognition.Checked(revoked: true, Now.AddDays(1));
        recognition.Checked(revoked: false, Now.AddDays(2));

        Assert.False(recognition.Counts(Now.AddDays(3)));
        Assert.Equal(Now.AddDays(1), recognition.RevokedFoundAtUtc);
        Assert.Equal(Now.AddDays(2), recognition.LastCheckedAtUtc);
    }

    [Fact]
    public void AnExpiredCredentialCannotBeRecognised() =>
        Assert.Throws<ArgumentException>(() => Recognised(Now.AddDays(-1)));
}

public sealed class RecognisedModuleCellTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ARecognisedCredentialFillsAMissingCellAndSaysWhereFrom()
    {
        var cell = ComplianceMatrix.ModuleCell(null, 12, Now, [("Calder Valley Care Academy", Now.AddMonths(-2), Now.AddMonths(20))]);

        Assert.Equal(ComplianceStatus.Valid, cell.Status);
        Assert.Equal("Calder Valley Care Academy", cell.RecognisedFrom);
    }

    [Fact]
    public void ItRunsOutAtTheOrganisationsRefreshIntervalWhenThatComesFirst()
    {
        var cell = ComplianceMatrix.ModuleCell(null, 12, Now, [("Academy", Now.AddMonths(-11).AddDays(-15), Now.AddMonths(20))]);

        Assert.Equal(ComplianceStatus.Expiring30, cell.Status);
        Assert.Equal(DateOnly.FromDateTime(Now.AddMonths(1).AddDays(-15)), cell.Expires);
    }

    [Fact]
    public void TrainingDoneHereStandsWhenItLastsLonger()
    {
        var cell = ComplianceMatrix.ModuleCell(Now.AddDays(-1), 12, Now, [("Academy", Now.AddMonths(-6), Now.AddMonths(6))]);

        Assert.Null(cell.RecognisedFrom);
        Assert.Equal(DateOnly.FromDateTime(Now.AddDays(-1).AddMonths(12)), cell.Expires);
    }

    [Fact]
    public void ARecognitionBeatsTrainingHereThatHasRunOut()
    {
        var cell = ComplianceMatrix.ModuleCell(Now.AddMonths(-13), 12, Now, [("Academy", Now.AddMonths(-1), null)]);

        Assert.True(cell.Held);
        Assert.Equal("Academy", cell.RecognisedFrom);
    }
}
