using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// The city's postcode districts and their centres, shipped with the portal. A full postcode or a
/// district on its own is placed at its district's centre: close enough for "within 5 miles", and
/// no third-party lookup or per-address data to keep.
/// </summary>
public sealed partial class PostcodeDistricts
{
    private readonly Dictionary<string, (double Latitude, double Longitude, string Area)> _districts;

    private PostcodeDistricts(Dictionary<string, (double, double, string)> districts) => this._districts = districts;

    public IReadOnlyCollection<string> All => _districts.Keys;

    /// <summary>The lookup shipped in this assembly.</summary>
    public static PostcodeDistricts Shipped()
    {
        using var stream = typeof(PostcodeDistricts).Assembly.GetManifestResourceStream("postcode-districts.csv")
            ?? throw new InvalidOperationException("The postcode district lookup is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    internal static PostcodeDistricts Parse(string csv)
    {
        var rows = new Dictionary<string, (double, double, string)>(StringComparer.Ordinal);
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var fields = line.Split(',');
            rows[fields[0]] = (double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture), fields[3]);
        }
        return new PostcodeDistricts(rows);
    }

    [GeneratedRegex("^(?<district>[A-Z]{1,2}[0-9][A-Z0-9]?)(?<inward>[0-9][A-Z]{2})?$")]
    private static partial Regex PostcodePattern();

    /// <summary>
    /// Places a postcode ("LS6 2AB", "ls62ab") or a district ("LS6"). Null, with a message a person
    /// can act on, when it is not a postcode or is outside the districts the portal covers.
    /// </summary>
    public (VacancyLocation? Location, string? Problem) Locate(string? postcode)
    {
        var compact = new string([.. (postcode ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);
        var match = PostcodePattern().Match(compact);
        if (compact.Length == 0 || compact.Length > 8 || !match.Success)
            return (null, "Enter a postcode like LS6 2AB, or the first part of one, like LS6");
        var district = match.Groups["district"].Value;
        if (!_districts.TryGetValue(district, out var place))
            return (null, $"{district} is outside the area the portal covers (postcode districts {Range()})");
        var formatted = match.Groups["inward"].Success ? $"{district} {match.Groups["inward"].Value}" : district;
        return (new VacancyLocation(formatted, district, place.Latitude, place.Longitude), null);
    }

    public string AreaOf(string district) => _districts.TryGetValue(district, out var place) ? place.Area : district;

    private string Range()
    {
        var ordered = _districts.Keys.OrderBy(d => d.Length).ThenBy(d => d, StringComparer.Ordinal).ToList();
        return ordered.Count == 0 ? "none" : $"{ordered[0]} to {ordered[^1]}";
    }
}
