using Portal.Infrastructure.Content;

namespace Portal.Infrastructure.Tests.Content;

/// <summary>Career roles and programmes: what authors write, what the site gets, and every mistake named by line.</summary>
public sealed class CareersContentTests : IDisposable
{
    private const string CareWorker = """
        ---
        title: Care worker
        summary: You help people with everyday life.
        sector: social-care
        settings: [home, residential]
        level: 2
        no-qualifications-needed: true
        pay:
          hourly-from: 12.60
          hourly-to: 13.80
        hours: Full or part time
        shifts: [early, late]
        entry-requirements:
          - A DBS check.
        reviewed: 2026-12-05
        sources:
          - title: A source
            url: https://example.org/source
        ---
        ## What a day looks like

        You visit people at home.
        """;

    private const string NewToCare = """
        ---
        title: New to care
        summary: Where you start if you have never worked in care.
        sector: both
        settings: [home, residential, community, hospital]
        level: 0
        entry-point: true
        no-qualifications-needed: true
        entry-requirements: []
        reviewed: 2026-12-05
        sources:
          - title: A source
            url: https://example.org/source
        ---
        Everyone starts somewhere.
        """;

    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void RoleIsReadWithPaySettingsAndRenderedDescription()
    {
        _content.Write("careers/roles/care-worker.md", CareWorker);

        var role = _content.Load().Roles["care-worker"];

        Assert.Equal("Care worker", role.Title);
        Assert.Equal(new PayRange(12.60m, 13.80m, null), role.Pay);
        Assert.Equal(["home", "residential"], role.Settings);
        Assert.Equal(["early", "late"], role.Shifts);
        Assert.True(role.NoQualificationsNeeded);
        Assert.Contains("<h2", role.Html, StringComparison.Ordinal);
        Assert.Equal("careers/roles/care-worker.md", role.SourceFile);
    }

    [Fact]
    public void RequiredTrainingNamesRealModulesAndAnUnknownOneIsReportedOnItsLine()
    {
        _content.Module("duty-of-care");
        _content.Write("careers/roles/care-worker.md", CareWorker.Replace("entry-requirements:", "required-training: [duty-of-care]\nentry-requirements:", StringComparison.Ordinal));
        Assert.Equal(["duty-of-care"], _content.Load().Roles["care-worker"].RequiredTraining);

        _content.Write("careers/roles/care-worker.md", CareWorker.Replace("entry-requirements:", "required-training:\n  - duty-of-care\n  - duty-of-kare\nentry-requirements:", StringComparison.Ordinal));
        var error = _content.SingleError();
        Assert.Equal(("careers/roles/care-worker.md", 13), (error.File, error.Line));
        Assert.Contains("there is no training module 'duty-of-kare' in learn/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntryPointNeedsNoPayHoursOrShifts()
    {
        _content.Write("careers/roles/new-to-care.md", NewToCare);

        var role = _content.Load().Roles["new-to-care"];

        Assert.True(role.EntryPoint);
        Assert.Null(role.Pay);
    }

    [Fact]
    public void EntryPointWithPayIsReportedOnThePayLine()
    {
        _content.Write("careers/roles/new-to-care.md", NewToCare.Replace("entry-requirements: []", "entry-requirements: []\npay:\n  hourly-from: 12\n  hourly-to: 13", StringComparison.Ordinal));

        var error = _content.SingleError();

        Assert.Equal(("careers/roles/new-to-care.md", 10), (error.File, error.Line));
        Assert.Contains("does not belong on an entry point", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JobWithoutPayIsReported()
    {
        _content.Write("careers/roles/care-worker.md", CareWorker.Replace("pay:\n  hourly-from: 12.60\n  hourly-to: 13.80\n", "", StringComparison.Ordinal));

        Assert.Contains(_content.Errors(), e => e.Message.StartsWith("'pay' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownSettingNamesTheAllowedOnesOnItsLine()
    {
        _content.Write("careers/roles/care-worker.md", CareWorker.Replace("[home, residential]", "[home, hospice]", StringComparison.Ordinal));

        var error = _content.SingleError();

        Assert.Equal(5, error.Line);
        Assert.Contains("'hospice' in 'settings' is not one of home, residential, community, hospital", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PayThatGoesBackwardsIsReported()
    {
        _content.Write("careers/roles/care-worker.md", CareWorker.Replace("hourly-to: 13.80", "hourly-to: 11.00", StringComparison.Ordinal));

        Assert.Contains("is less than", _content.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsWhereANumberOrYesNoBelongsAreReportedOnTheirLine()
    {
        _content.Write("careers/roles/care-worker.md", CareWorker
            .Replace("hourly-from: 12.60", "hourly-from: about twelve", StringComparison.Ordinal)
            .Replace("no-qualifications-needed: true", "no-qualifications-needed: maybe", StringComparison.Ordinal));

        var errors = _content.Errors();

        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("true or false", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 9 && e.Message.Contains("must be a number like 12.60", StringComparison.Ordinal));
    }

    [Fact]
    public void ApprenticeshipIsReadWithItsStandardAndHours()
    {
        _content.Write("careers/programmes/lead-adult-care-worker-apprenticeship.md", """
            ---
            title: Lead Adult Care Worker apprenticeship
            summary: Learn to lead care while you work.
            kind: apprenticeship
            level: 3
            standard-code: ST0006
            duration-months: 18
            off-the-job-hours: 187
            standard-url: https://www.instituteforapprenticeships.org/apprenticeship-standards/lead-adult-care-worker
            funding: Your employer pays.
            entry-requirements: [A job in care]
            after: [Team leader roles]
            reviewed: 2026-12-05
            sources:
              - title: A source
                url: https://example.org/source
            ---
            You work and learn.
            """);

        var programme = _content.Load().Programmes["lead-adult-care-worker-apprenticeship"];

        Assert.Equal(("apprenticeship", 3, "ST0006", 18, 187), (programme.Kind, programme.Level, programme.StandardCode, programme.DurationMonths, programme.OffTheJobHours));
    }

    [Theory]
    [InlineData("kind: apprenticeship\n", "an apprenticeship needs its 'standard-code'")]
    [InlineData("kind: diploma\nstandard-code: ST0006\n", "only apprenticeships have a 'standard-code'")]
    [InlineData("kind: apprenticeship\nstandard-code: 6\n", "must look like ST0006")]
    [InlineData("kind: course\n", "'kind' must be one of certificate, diploma")]
    public void ProgrammeKindAndStandardCodeMustAgree(string lines, string expected)
    {
        _content.Write("careers/programmes/p.md", $"---\ntitle: A programme\nsummary: Short.\n{lines}level: 2\nduration-months: 12\nstandard-url: https://example.org/standard\n{TempContent.ProgrammeFacts}{TempContent.Provenance}---\nText.\n");

        Assert.Contains(expected, _content.SingleError().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileInCareersButOutsideAKindsFolderIsReported()
    {
        _content.Write("careers/role/care-worker.md", CareWorker);

        var error = _content.SingleError();

        Assert.Contains("the folder 'careers/role/' holds no kind of content", error.Message, StringComparison.Ordinal);
        Assert.Contains("careers/roles/", error.Message, StringComparison.Ordinal);
    }
}
