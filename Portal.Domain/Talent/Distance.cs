namespace Portal.Domain.Talent;

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
