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
        "home" => "People's homes",
        "residential" => "Care homes",
        "community" => "In the community",
        "hospital" => "Hospitals",
        _ => setting,
    };

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
