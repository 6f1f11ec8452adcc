using Portal.Domain.Talent;

namespace Portal.Domain.Tests.Talent;

public sealed class VacancyTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

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

        vacancy.Publish(Now);
        Assert.True(vacancy.IsOpen(DateOnly.FromDateTime(Now)));
        vacancy.Close(Now);
        Assert.Equal(VacancyStatus.Closed, vacancy.Status);
        vacancy.Reopen(new DateOnly(2027, 1, 31), Now);

        Assert.Equal((VacancyStatus.Published, new DateOnly(2027, 1, 31)), (vacancy.Status, vacancy.Details.ClosingDate));
    }

    [Fact]
    public void OnlyAllowedMovesAreAllowed()
    {
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(), Now);

        Assert.Throws<VacancyRuleException>(() => vacancy.Close(Now));
        Assert.Throws<VacancyRuleException>(() => vacancy.Reopen(new DateOnly(2027, 1, 1), Now));
        vacancy.Publish(Now);
        Assert.Throws<VacancyRuleException>(() => vacancy.Publish(Now));
    }

    [Fact]
    public void APastClosingDateCannotBePublishedOrReopened()
    {
        var late = Vacancy.Draft(Guid.NewGuid(), Details(closing: new DateOnly(2026, 11, 25)), Now);

        Assert.Contains("closing date has passed", Assert.Throws<VacancyRuleException>(() => late.Publish(Now)).Message, StringComparison.Ordinal);
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(), Now);
        vacancy.Publish(Now);
        vacancy.Close(Now);
        Assert.Throws<VacancyRuleException>(() => vacancy.Reopen(new DateOnly(2026, 11, 1), Now));
    }

    [Fact]
    public void AClosedVacancyIsNotOpenAndNeitherIsOnePastItsClosingDate()
    {
        var vacancy = Vacancy.Draft(Guid.NewGuid(), Details(closing: new DateOnly(2026, 11, 30)), Now);
        vacancy.Publish(Now);

        Assert.True(vacancy.IsOpen(new DateOnly(2026, 11, 30)));
        Assert.False(vacancy.IsOpen(new DateOnly(2026, 12, 1)));
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
