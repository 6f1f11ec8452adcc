using System.ComponentModel.DataAnnotations;

namespace Portal.Infrastructure.Organisations;

/// <summary>
/// Section "Organisations": how many requests and invitations one person may send. Each sends
/// email (requests to every admin, invitations to whatever address is typed), so without a limit
/// one account could flood admins or a stranger's inbox in seconds.
/// </summary>
public sealed class OrganisationLimits
{
    public const string Section = "Organisations";

    /// <summary>Requests to set up an organisation one person may have waiting for an admin at once.</summary>
    [Range(1, 100)]
    public int PendingRequestsPerPerson { get; set; } = 3;

    /// <summary>Requests one person may send in 24 hours, decided or not.</summary>
    [Range(1, 1000)]
    public int RequestsPerPersonPerDay { get; set; } = 5;

    /// <summary>Invitations one person may send in 24 hours (a manager taking on a whole team sends many).</summary>
    [Range(1, 10_000)]
    public int InvitationsPerPersonPerDay { get; set; } = 100;

    /// <summary>Invitations one email address may be sent in 24 hours, from everyone together.</summary>
    [Range(1, 100)]
    public int InvitationsPerRecipientPerDay { get; set; } = 3;
}
