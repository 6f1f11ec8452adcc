namespace Portal.Domain.Organisations;

/// <summary>
/// Where an organisation mainly gives care, in the groups Skills for Care's workforce data uses for
/// a service (care homes with and without nursing, care at home, supported living, day and community
/// services) and the NHS's own settings. An organisation with several records its main one; none
/// recorded is allowed (organisations added before this was asked).
/// </summary>
public enum CareSetting
{
    CareHome,
    CareHomeWithNursing,
    HomeCare,
    SupportedLiving,
    DayAndCommunityServices,
    Hospital,
    CommunityHealth,
}
