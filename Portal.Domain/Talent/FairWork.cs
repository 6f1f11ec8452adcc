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

/// <summary>Distances between points on the map, for "within 5 miles".</summary>
public static class Distance
{
    private const double EarthRadiusMiles = 3958.8;

    /// <summary>Great-circle distance in miles (haversine).</summary>
    public static double Miles(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Sqrt(a));
    }
}
