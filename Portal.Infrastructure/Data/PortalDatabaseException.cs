namespace Portal.Infrastructure.Data;

/// <summary>The database is not one this build can use as it stands. Its message is the one line an operator needs.</summary>
public sealed class PortalDatabaseException(string message) : Exception(message);
