namespace Portal.Domain.Compliance;

/// <summary>Whether a required topic is a training module (done online) or a competency (observed and signed off).</summary>
public enum TopicKind
{
    Module,
    Competency,
}
