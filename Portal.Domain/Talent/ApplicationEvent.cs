namespace Portal.Domain.Talent;

/// <summary>One status an application reached, who moved it there and when: the application's history.</summary>
public sealed class ApplicationEvent
{
    private ApplicationEvent()
    {
    }

    public long Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAtUtc { get; private set; }

    internal static ApplicationEvent For(Guid applicationId, ApplicationStatus status, string changedBy, DateTime utcNow) =>
        new() { ApplicationId = applicationId, Status = status, ChangedBy = changedBy, ChangedAtUtc = utcNow };
}
