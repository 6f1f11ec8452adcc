using System.Globalization;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Careers;

/// <summary>How careers facts read on a page, in one place so every page says them the same way.</summary>
public static class CareerText
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    public static string Pay(PayRange? pay) => pay switch
    {
        null => "",
        { NhsBand: { } band } => $"{Money(pay.HourlyFrom)} to {Money(pay.HourlyTo)} an hour (NHS band {band})",
        _ => $"{Money(pay.HourlyFrom)} to {Money(pay.HourlyTo)} an hour",
    };

    public static string Money(decimal amount) => amount.ToString("C2", UkEnglish);

    public static string Setting(string setting) => setting switch
    {
        "home" => "people's homes",
        "residential" => "care homes",
        "community" => "the community",
        "hospital" => "hospitals",
        _ => setting,
    };

    public static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], UkEnglish) + text[1..];

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
