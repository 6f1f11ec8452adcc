namespace Portal.Domain.Talent;

/// <summary>An application change its rules do not allow; the message is for the person who tried.</summary>
public sealed class ApplicationRuleException(string message) : Exception(message);
