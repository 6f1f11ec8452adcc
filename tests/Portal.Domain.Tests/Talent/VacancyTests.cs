using Portal.Domain.Talent;

namespace Portal.Domain.Tests.Talent;

public sealed class VacancyTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    private static readonly MinimumWage Floor = new([
        new(new DateOnly(2025, 4, 1), 12.21m, 10.00m, 7.55m, 7.55m),
        new(new DateOnly(2026, 4, 1), 12.71m, 10.85m, 8.00m, 8.00m),
    ]);

    internal static VacancyDetails Details(decimal pay = 13.50m, DateOnly? closing = null) => new()
    {
        CareerRole = "care-worker",
        Title = "Home care worker, Headingley",
        DescriptionMarkdown = "Visit people in their own homes.",
        Location = new VacancyLocation("LS6 2AB", "LS6", 53.82, -1.58),
        HourlyPay = pay,
        HoursPerWeek = 30,
        Days = WorkDays.Weekdays,
        Shifts = ShiftTimes.Early | ShiftTimes.Late,
        PayBasis = PayBasis.WholeShift,
        GuaranteedHours = true,
        PaidTravelTime = true,
        PaidTraining = false,
        DrivingLicenceRequired = false,
        ClosingDate = closing ?? new DateOnly(2026, 12, 31),
    };

    [Fact]
    public void ADraftPublishesClosesAndReopens()
    {
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(), Now);
        Assert.False(vacancy.IsOpen(DateOnly.FromDateTime(Now)));

        vacancy.Publish(Now, Floor);
        Assert.True(vacancy.IsOpen(DateOnly.FromDateTime(Now)));
        vacancy.Close(Now);
        Assert.Equal(VacancyStatus.Closed, vacancy.Status);
        vacancy.Reopen(new DateOnly(2027, 1, 31), Now, Floor);

        Assert.Equal((VacancyStatus.Published, new DateOnly(2027, 1, 31)), (vacancy.Status, vacancy.Details.ClosingDate));
    }

    [Fact]
    public void OnlyAllowedMovesAreAllowed()
    {
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(), Now);

        Assert.Throws<VacancyRuleException>(() => vacancy.Close(Now));
        Assert.Throws<VacancyRuleException>(() => vacancy.Reopen(new DateOnly(2027, 1, 1), Now, Floor));
        vacancy.Publish(Now, Floor);
        Assert.Throws<VacancyRuleException>(() => vacancy.Publish(Now, Floor));
    }

    [Fact]
    public void APastClosingDateCannotBePublishedOrReopened()
    {
        var late = Vacancy.Draft(Guid.NewGuid(), Details(closing: new DateOnly(2026, 11, 25)), Now);

        Assert.Contains("closing date has passed", Assert.Throws<VacancyRuleException>(() => late.Publish(Now, Floor)).Message, StringComparison.Ordinal);
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(), Now);
        vacancy.Publish(Now, Floor);
        vacancy.Close(Now);
        Assert.Throws<VacancyRuleException>(() => vacancy.Reopen(new DateOnly(2026, 11, 1), Now, Floor));
    }

    [Fact]
    public void AClosedVacancyIsNotOpenAndNeitherIsOnePastItsClosingDate()
    {
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(closing: new DateOnly(2026, 11, 30)), Now);
        vacancy.Publish(Now, Floor);

        Assert.True(vacancy.IsOpen(new DateOnly(2026, 11, 30)));
        Assert.False(vacancy.IsOpen(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void PayBelowTheNationalLivingWageInForceCannotBePublished()
    {
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(pay: 12.70m), Now);

        var refused = Assert.Throws<VacancyRuleException>(() => vacancy.Publish(Now, Floor));

        Assert.Equal(VacancyStatus.Draft, vacancy.Status);
        Assert.Equal("The pay, £12.70 an hour, is below the National Living Wage of £12.71 an hour that the law has required for workers aged 21 and over since 1 April 2026. Raise the pay to at least £12.71, then publish.", refused.Message);
        vacancy.Edit(Details(pay: 12.71m), Now, Floor);
        vacancy.Publish(Now, Floor);
        Assert.Equal(VacancyStatus.Published, vacancy.Status);
    }

    [Fact]
    public void TheFloorIsTheOneInForceOnTheDay()
    {
        var march = new DateTime(2026, 3, 31, 9, 0, 0, DateTimeKind.Utc);
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(pay: 12.21m), march);

        vacancy.Publish(march, Floor);
        vacancy.Close(march);

        var april = new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);
        Assert.Contains("since 1 April 2026", Assert.Throws<VacancyRuleException>(() => vacancy.Reopen(new DateOnly(2026, 5, 1), april, Floor)).Message, StringComparison.Ordinal);
        Assert.Equal(VacancyStatus.Closed, vacancy.Status);
    }

    [Fact]
    public void APublishedVacancysPayCannotBeCutBelowTheFloorButADraftsCan()
    {
        var draft = Vacancy.Draft(Guid.NewGuid(), Details(), Now);
        draft.Edit(Details(pay: 12.00m), Now, Floor);
        Assert.Equal(12.00m, draft.Details.HourlyPay);

        var published = Vacancy.Draft(Guid.NewGuid(), Details(), Now);
        published.Publish(Now, Floor);

        Assert.Throws<VacancyRuleException>(() => published.Edit(Details(pay: 12.00m), Now, Floor));
        Assert.Equal(13.50m, published.Details.HourlyPay);
    }

    [Fact]
    public void MinimumWageRatesThatCouldNotBeTheLawAreRefused()
    {
        Assert.Equal("give at least one set of minimum wage rates", MinimumWage.ProblemWith([]));
        Assert.Contains("must not rise as age falls", MinimumWage.ProblemWith([new(new DateOnly(2026, 4, 1), 10.85m, 12.71m, 8m, 8m)]), StringComparison.Ordinal);
        Assert.Equal("two sets of rates start on 2026-04-01; keep one",
            MinimumWage.ProblemWith([new(new DateOnly(2026, 4, 1), 12.71m, 10.85m, 8m, 8m), new(new DateOnly(2026, 4, 1), 12.80m, 10.85m, 8m, 8m)]));
        Assert.Null(Floor.InForceOn(new DateOnly(2025, 3, 31)));
        Assert.Equal(12.21m, Floor.InForceOn(new DateOnly(2026, 3, 31))!.Age21AndOver);
        Assert.Equal(12.71m, Floor.InForceOn(new DateOnly(2026, 4, 1))!.Age21AndOver);
    }

    [Fact]
    public void BadDetailsNameTheirProblem()
    {
        var bad = Details() with { HourlyPay = 0, Days = WorkDays.None };

        Assert.Equal(["HourlyPay", "Days"], bad.Problems().Select(p => p.Field));
        Assert.Throws<VacancyRuleException>(() => Vacancy.Draft(Guid.NewGuid(), bad, Now));
    }

    [Fact]
    public void FairWorkBadgesFollowTheFacts()
    {
        Assert.Equal([FairWork.RealLivingWage, FairWork.GuaranteedHours, FairWork.PaidTravelTime, FairWork.PaidWholeShift],
            FairWork.Badges(Details(pay: 13.45m), realLivingWage: 13.45m));
        var perVisit = Details(pay: 12.21m) with { PayBasis = PayBasis.PerVisit, GuaranteedHours = false, PaidTravelTime = false, PaidTraining = true };
        Assert.Equal([FairWork.PaidTraining], FairWork.Badges(perVisit, realLivingWage: 13.45m));
    }

    [Fact]
    public void DistanceIsInMiles()
    {
        // Leeds city centre to York, about 22 miles as the crow flies.
        Assert.InRange(Distance.Miles(53.7965, -1.5478, 53.9590, -1.0815), 20, 24);
        Assert.Equal(0, Distance.Miles(53.8, -1.5, 53.8, -1.5), 6);
    }
}
