using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// Reads a saved search: the query string of the job search page (Search.Keyword=…&amp;Search.Postcode=…),
/// as a job alert stored it, back into a <see cref="JobQuery"/>. Anything it cannot read is left out
/// rather than guessed, so an alert never finds more than its search page would.
/// </summary>
public static class JobQueryString
{
    public static JobQuery Parse(string query, PostcodeDistricts postcodes)
    {
        ArgumentNullException.ThrowIfNull(postcodes);
        var fields = QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query);
        string? One(string name) => fields.TryGetValue($"Search.{name}", out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) : null;
        bool Ticked(string name) => fields.TryGetValue($"Search.{name}", out var values) && values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));

        var from = postcodes.Locate(One("Postcode")).Location;
        var miles = int.TryParse(One("Miles"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        var shifts = fields.TryGetValue("Search.Shifts", out var shiftValues)
            ? shiftValues.Aggregate(ShiftTimes.None, (all, value) => Enum.TryParse<ShiftTimes>(value, out var shift) ? all | shift : all)
            : ShiftTimes.None;
        return new JobQuery
        {
            Keyword = One("Keyword"),
            CareerRole = One("Role"),
            From = from,
            WithinMiles = from is null ? null : miles,
            MinimumPay = decimal.TryParse(One("PayFrom"), NumberStyles.Number, CultureInfo.InvariantCulture, out var pay) ? pay : null,
            GuaranteedHours = Ticked("Guaranteed"),
            PaidTravelTime = Ticked("Travel"),
            WholeShiftPaid = Ticked("WholeShift"),
            Shifts = shifts,
        };
    }
}
