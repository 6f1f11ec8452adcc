namespace Portal.Domain.Talent;

/// <summary>
/// The fair-work facts applicants compare jobs on, as badges derived from what the recruiter said;
/// never typed in, so a badge always matches the facts.
/// </summary>
public static class FairWork
{
    public const string RealLivingWage = "Real Living Wage or above";
    public const string GuaranteedHours = "Guaranteed hours";
    public const string PaidTravelTime = "Paid travel time";
    public const string PaidWholeShift = "Paid for the whole shift";
    public const string PaidTraining = "Paid training";

    /// <param name="realLivingWage">The hourly rate to compare with (it changes every year, so it is a setting).</param>
    public static IReadOnlyList<string> Badges(VacancyDetails details, decimal realLivingWage)
    {
        ArgumentNullException.ThrowIfNull(details);
        var badges = new List<string>();
        if (details.HourlyPay >= realLivingWage)
            badges.Add(RealLivingWage);
        if (details.GuaranteedHours)
            badges.Add(GuaranteedHours);
        if (details.PaidTravelTime)
            badges.Add(PaidTravelTime);
        if (details.PayBasis == PayBasis.WholeShift)
            badges.Add(PaidWholeShift);
        if (details.PaidTraining)
            badges.Add(PaidTraining);
        return badges;
    }
}
