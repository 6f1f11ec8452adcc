using Microsoft.Extensions.Options;
using Portal.Domain.Programmes;

namespace Portal.Infrastructure.Programmes;

/// <summary>
/// Section "PriorityNeighbourhoods": the postcode sectors the council treats as priority
/// neighbourhoods. The shipped list is illustrative (see appsettings.json): a council replaces it
/// with its own.
/// </summary>
public sealed class PriorityNeighbourhoodsOptions
{
    public const string Section = "PriorityNeighbourhoods";

    /// <summary>Postcode sectors such as "LS9 7".</summary>
    public List<string> Sectors { get; set; } = [];

    /// <summary>Where the list comes from, shown to navigators on each cohort page.</summary>
    public string Source { get; set; } = "";
}

/// <summary>Refuses to start on a sector that is not one, naming it.</summary>
public sealed class PriorityNeighbourhoodsOptionsValidator : IValidateOptions<PriorityNeighbourhoodsOptions>
{
    public ValidateOptionsResult Validate(string? name, PriorityNeighbourhoodsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wrong = options.Sectors.Where(s => PriorityNeighbourhoods.SectorOf(s) is null).ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PriorityNeighbourhoodsOptions.Section}:Sectors: {string.Join(", ", wrong.Select(s => $"'{s}'"))} is not a postcode sector like LS9 7");
    }
}
