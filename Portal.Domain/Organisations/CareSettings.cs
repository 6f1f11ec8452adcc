namespace Portal.Domain.Organisations;

/// <summary>The words for a <see cref="CareSetting"/>, on forms and in figures alike.</summary>
public static class CareSettings
{
    public const string NotRecorded = "Setting not recorded";

    public static string Name(CareSetting? setting) => setting switch
    {
        CareSetting.CareHome => "Care home",
        CareSetting.CareHomeWithNursing => "Care home with nursing",
        CareSetting.HomeCare => "Care at home (domiciliary care)",
        CareSetting.SupportedLiving => "Supported living",
        CareSetting.DayAndCommunityServices => "Day and community services",
        CareSetting.Hospital => "Hospital",
        CareSetting.CommunityHealth => "Community health services",
        _ => NotRecorded,
    };

    /// <summary>The setting a stored key names (the enum's name), or null for "not recorded" and anything unknown.</summary>
    public static CareSetting? Parse(string? key) => Enum.TryParse<CareSetting>(key, ignoreCase: false, out var setting) && Enum.IsDefined(setting) ? setting : null;
}
