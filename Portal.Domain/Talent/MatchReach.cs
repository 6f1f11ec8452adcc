namespace Portal.Domain.Talent;

/// <summary>
/// The box of latitude and longitude around some people that holds every vacancy within
/// <see cref="Matching.MaxMiles"/> of any of them (with a mile to spare for rounding), so a shard
/// reads only the vacancies it can reach. Larger than the reach, never smaller: scoring still
/// measures each pair.
/// </summary>
public readonly record struct MatchReach(double South, double North, double West, double East)
{
    private const double Spare = 1;

    /// <summary>The box around these places; null when there are none.</summary>
    public static MatchReach? Around(IEnumerable<(float Latitude, float Longitude)> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        double south = double.MaxValue, north = double.MinValue, west = double.MaxValue, east = double.MinValue;
        var any = false;
        foreach (var (latitude, longitude) in places)
        {
            any = true;
            south = Math.Min(south, latitude);
            north = Math.Max(north, latitude);
            west = Math.Min(west, longitude);
            east = Math.Max(east, longitude);
        }
        if (!any)
            return null;
        var latitudeMargin = (Matching.MaxMiles + Spare) / Matching.MilesPerDegreeLatitude;
        // A degree of longitude is shortest at the box's edge furthest from the equator, so the margin is widest there.
        var furthest = Math.Min(89, Math.Max(Math.Abs(south), Math.Abs(north)) + latitudeMargin);
        var longitudeMargin = latitudeMargin / Math.Cos(furthest * Math.PI / 180);
        return new MatchReach(south - latitudeMargin, north + latitudeMargin, west - longitudeMargin, east + longitudeMargin);
    }
}
