namespace Portal.Domain.Talent;

/// <summary>A vacancy change its rules do not allow; the message is for the recruiter.</summary>
public sealed class VacancyRuleException(string message) : Exception(message);
