using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>Every role, programme, route, module and competency says when its facts were checked and against what.</summary>
public sealed class ProvenanceContentTests : IDisposable
{
    private const string Role = """
        ---
        title: Care worker
        summary: You help people with everyday life.
        sector: social-care
        pathway-category: care-or-support-worker
        settings: [home]
        level: 2
        no-qualifications-needed: true
        pay:
          hourly-from: 12.80
          hourly-to: 13.80
        hours: Full or part time
        shifts: [early]
        entry-requirements: []
        reviewed: 2026-12-05
        sources:
          - title: National Minimum Wage and National Living Wage rates
            url: https://www.gov.uk/national-minimum-wage-rates
          - title: Care workforce pathway for adult social care
            url: https://www.gov.uk/government/publications/care-workforce-pathway-for-adult-social-care
        ---
        You visit people at home.
        """;

    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void SourcesAndReviewDateAreReadInTheOrderWritten()
    {
        _content.Write("careers/roles/care-worker.md", Role);

        var provenance = _content.Load().Roles["care-worker"].Provenance;

        Assert.Equal(new DateOnly(2026, 12, 5), provenance.Reviewed);
        Assert.Equal(
            [("National Minimum Wage and National Living Wage rates", "https://www.gov.uk/national-minimum-wage-rates"),
             ("Care workforce pathway for adult social care", "https://www.gov.uk/government/publications/care-workforce-pathway-for-adult-social-care")],
            provenance.Sources.Select(s => (s.Title, s.Url.AbsoluteUri)));
    }

    [Fact]
    public void RoleWithoutSourcesIsRejectedNamingTheFile()
    {
        _content.Write("careers/roles/care-worker.md", Role[..Role.IndexOf("sources:", StringComparison.Ordinal)] + "---\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(("careers/roles/care-worker.md", 1), (error.File, error.Line));
        Assert.StartsWith("'sources' is missing: list one or more sources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModuleWithoutReviewedIsRejectedNamingTheFile()
    {
        _content.Module("duty-of-care", TempContent.ValidModuleFrontMatter.Replace("reviewed: 2026-12-05\n", "", StringComparison.Ordinal));

        var error = _content.SingleError();

        Assert.Equal(("learn/duty-of-care.md", 1), (error.File, error.Line));
        Assert.StartsWith("'reviewed' is missing: give the day you last checked", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("careers/programmes/care-certificate.md", "title: Care Certificate\nsummary: The start.\nkind: certificate\nlevel: 0\nduration-months: 3\n")]
    [InlineData("careers/routes/ladder.md", "title: Ladder\nsummary: Up.\nsteps:\n  - from: care-worker\n    to: care-worker\n    months: 0\n")]
    [InlineData("competencies/catheter-care.md", "title: Catheter care\nsummary: Day to day.\nreview-months: 12\nmodules: [duty-of-care]\nchecklist:\n  - One.\n  - Two.\n")]
    public void ProgrammesRoutesAndCompetenciesNeedBothKeysToo(string file, string frontMatter)
    {
        _content.Module("duty-of-care");
        _content.Write(file, $"---\n{frontMatter}---\nText.\n");

        var messages = _content.Errors().Where(e => e.File == file).Select(e => e.Message).ToList();

        Assert.Contains(messages, m => m.StartsWith("'reviewed' is missing", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("'sources' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptySourcesListIsReportedOnItsLine()
    {
        _content.Write("careers/roles/care-worker.md", Role[..Role.IndexOf("sources:", StringComparison.Ordinal)] + "sources: []\n---\nText.\n");

        var error = _content.SingleError();

        Assert.Equal(16, error.Line);
        Assert.StartsWith("'sources' is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url: gov.uk/national-minimum-wage-rates", 18, "'url' must be a full web address starting with https://")]
    [InlineData("url: javascript:alert(1)", 18, "'url' must be a full web address starting with https://")]
    [InlineData("address: https://www.gov.uk/national-minimum-wage-rates", 17, "'sources[1].url' is missing")]
    public void ASourceNeedsAWebAddress(string urlLine, int line, string expected)
    {
        _content.Write("careers/roles/care-worker.md", Role.Replace("url: https://www.gov.uk/national-minimum-wage-rates", urlLine, StringComparison.Ordinal));

        var errors = _content.Errors();

        Assert.Contains(errors, e => e.Line == line && e.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AReviewDateThatIsNotADateIsReportedOnItsLine()
    {
        _content.Write("careers/roles/care-worker.md", Role.Replace("reviewed: 2026-12-05", "reviewed: last week", StringComparison.Ordinal));

        var error = _content.SingleError();

        Assert.Equal(15, error.Line);
        Assert.Contains("'reviewed' must be a date written yyyy-mm-dd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReviewMoreThanTwelveMonthsOldIsAWarningNotAnError()
    {
        _content.Module("duty-of-care", TempContent.ValidModuleFrontMatter.Replace("reviewed: 2026-12-05", "reviewed: 2025-12-04", StringComparison.Ordinal));

        var set = _content.LoadOn(new DateOnly(2026, 12, 5));

        Assert.True(set.Modules.ContainsKey("duty-of-care"));
        var warning = Assert.Single(set.Warnings);
        Assert.Equal(("learn/duty-of-care.md", 44), (warning.File, warning.Line));
        Assert.StartsWith("'reviewed' is 2025-12-04, more than 12 months ago", warning.Message, StringComparison.Ordinal);
        Assert.StartsWith("learn/duty-of-care.md:44: warning: ", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AReviewExactlyTwelveMonthsOldIsStillFresh()
    {
        _content.Module("duty-of-care", TempContent.ValidModuleFrontMatter.Replace("reviewed: 2026-12-05", "reviewed: 2025-12-05", StringComparison.Ordinal));

        Assert.Empty(_content.LoadOn(new DateOnly(2026, 12, 5)).Warnings);
    }

    [Fact]
    public void WarningsTravelWithErrorsSoAnAuthorSeesBoth()
    {
        _content.Module("duty-of-care", TempContent.ValidModuleFrontMatter.Replace("reviewed: 2026-12-05", "reviewed: 2024-01-01", StringComparison.Ordinal));
        _content.Write("careers/roles/care-worker.md", Role.Replace("sector: social-care", "sector: space", StringComparison.Ordinal));

        var failure = Assert.Throws<ContentValidationException>(() => _content.LoadOn(new DateOnly(2026, 12, 5)));

        Assert.Single(failure.Errors);
        Assert.Equal("learn/duty-of-care.md", Assert.Single(failure.Warnings).File);
    }

    [Fact]
    public void PathwayCategoryIsOneOfTheCareWorkforcePathwaysEight()
    {
        _content.Write("careers/roles/care-worker.md", Role);
        Assert.Equal("care-or-support-worker", _content.Load().Roles["care-worker"].PathwayCategory);

        _content.Write("careers/roles/care-worker.md", Role.Replace("pathway-category: care-or-support-worker", "pathway-category: senior-carer", StringComparison.Ordinal));
        var error = _content.SingleError();

        Assert.Equal(5, error.Line);
        Assert.Contains("'pathway-category' must be one of the Care Workforce Pathway's role categories: new-to-care, care-or-support-worker, enhanced-care-worker, personal-assistant, supervisor-or-leader, practice-leader, deputy-manager, registered-manager", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnNhsJobHasNoPathwayCategory()
    {
        _content.Write("careers/roles/care-worker.md", Role.Replace("sector: social-care", "sector: nhs", StringComparison.Ordinal));

        var error = _content.SingleError();

        Assert.Equal(5, error.Line);
        Assert.Contains("the Care Workforce Pathway is for adult social care", error.Message, StringComparison.Ordinal);
    }
}
