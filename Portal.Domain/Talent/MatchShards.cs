namespace Portal.Domain.Talent;

/// <summary>A postcode district's located people, for planning shards.</summary>
public readonly record struct DistrictPeople(string District, double Latitude, double Longitude, int People);

/// <summary>
/// Splits people into shards by postcode district: whole districts, neighbours together, each
/// shard up to a target size (a district larger than the target is a shard of its own). Neighbours
/// together keeps each shard's reach small, so it puts forward people for fewer vacancies. The
/// same districts always give the same shards.
/// </summary>
public static class MatchShards
{
    /// <summary>Bands of latitude about 17 miles high, walked west to east and back, so consecutive districts are near each other.</summary>
    private const double BandDegrees = 0.25;

    public static IReadOnlyList<IReadOnlyList<DistrictPeople>> Plan(IEnumerable<DistrictPeople> districts, int targetPeople)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetPeople, 1);
        var ordered = districts.Where(d => d.People > 0)
            .Select(d => (District: d, Band: (int)Math.Floor(d.Latitude / BandDegrees)))
            .OrderBy(d => d.Band)
            .ThenBy(d => d.Band % 2 == 0 ? d.District.Longitude : -d.District.Longitude)
            .ThenBy(d => d.District.District, StringComparer.Ordinal)
            .Select(d => d.District);
        var shards = new List<IReadOnlyList<DistrictPeople>>();
        var current = new List<DistrictPeople>();
        var people = 0;
        const int maxDistrictsPerShard = 500;
        foreach (var district in ordered)
        {
            if (current.Count > 0 && (people + district.People > targetPeople || current.Count == maxDistrictsPerShard))
            {
                shards.Add(current);
                current = [];
                people = 0;
            }
            current.Add(district);
            people += district.People;
        }
        if (current.Count > 0)
            shards.Add(current);
        return shards;
    }
}
