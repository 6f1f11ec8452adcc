using Portal.Domain.Pathways;
using Portal.Infrastructure;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers;

/// <summary>How careers facts read on a page, in one place so every page says them the same way.</summary>
public static class CareerText
{
    public static string Pay(PayRange? pay) => pay switch
    {
        null => "",
        { NhsBand: { } band } => $"{Hourly(pay)} (NHS band {band})",
        _ => Hourly(pay),
    };

    public static string Money(decimal amount) => UkEnglish.Money(amount);

    // A single-point band (NHS band 2) reads as one figure, not "£12.92 to £12.92".
    private static string Hourly(PayRange pay) => pay.HourlyFrom == pay.HourlyTo
        ? $"{Money(pay.HourlyFrom)} an hour"
        : $"{Money(pay.HourlyFrom)} to {Money(pay.HourlyTo)} an hour";

    /// <summary>A role's pay with the day its figures were last checked, because pay changes every year.</summary>
    public static string PayAsOf(CareerRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return role.Pay is null ? "" : $"{Pay(role.Pay)}, as of {Date(role.Provenance.Reviewed)}";
    }

    public static string Date(DateOnly date) => date.UkDate();

    public static string ProgrammeKind(string kind) => kind switch
    {
        "certificate" => "Certificate",
        "diploma" => "Diploma",
        "apprenticeship" => "Apprenticeship",
        "degree-apprenticeship" => "Degree apprenticeship",
        "t-level" => "T Level",
        "employability" => "Employability course",
        "rotation" => "Rotation programme",
        _ => kind,
    };

    /// <summary>How long a programme takes: its own words where months would mislead, else about so many months or years.</summary>
    public static string ProgrammeDuration(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return programme.DurationText ?? $"About {Duration(programme.DurationMonths)}";
    }

    public static string PathwayCategory(string? category) =>
        category is not null && CareerVocabulary.PathwayCategories.TryGetValue(category, out var name) ? name : "";

    public static string Setting(string setting) => setting switch
    {
        "home" => "people's homes",
        "residential" => "care homes",
        "community" => "the community",
        "hospital" => "hospitals",
        _ => setting,
    };

    public static string Duration(int months) => months switch
    {
        0 => "no time",
        < 12 => months == 1 ? "1 month" : $"{months} months",
        _ when months % 12 == 0 => months == 12 ? "1 year" : $"{months / 12} years",
        _ => $"{Duration(months / 12 * 12)} {Duration(months % 12)}",
    };

    public static string Check(string check) => check switch
    {
        "dbs" => "A DBS check",
        "dbs-enhanced" => "An enhanced DBS check",
        "right-to-work" => "Proof of your right to work in the UK",
        "references" => "References",
        "occupational-health" => "An occupational health check",
        "nmc-registration" => "Registration with the Nursing and Midwifery Council",
        _ => check,
    };

    /// <summary>A step's requirement by its name in the content: a programme's or module's title, a check in words.</summary>
    public static string Requirement(ContentSet content, RequirementCheck check) => check.Kind switch
    {
        RequirementKind.Programme => content.Programmes.TryGetValue(check.Slug!, out var programme) ? programme.Title : check.Slug!,
        RequirementKind.Check => Check(check.Slug!),
        RequirementKind.DrivingLicence => "A driving licence",
        RequirementKind.Module => content.Modules.TryGetValue(check.Slug!, out var module) ? $"Training: {module.Title}" : check.Slug!,
        _ => "",
    };

    public static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], UkEnglish.Culture) + text[1..];

    public static string Sector(string sector) => sector switch
    {
        "social-care" => "Social care",
        "nhs" => "NHS",
        _ => "Social care and NHS",
    };

    public static string Shift(string shift) => shift switch
    {
        "long-day" => "long days",
        "on-call" => "on call",
        "office-hours" => "office hours",
        "weekend" => "weekends",
        "night" => "nights",
        _ => shift + " shifts",
    };
}
