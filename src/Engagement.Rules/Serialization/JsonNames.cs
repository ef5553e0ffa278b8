using System.Text.Json;

namespace Engagement.Rules.Serialization;

/// <summary>Maps the record field names used in validation messages to JSON names.</summary>
internal static class JsonNames
{
    /// <summary><c>PreferredChannels[2]</c> becomes <c>preferredChannels[2]</c>.</summary>
    public static string Of(string field) => JsonNamingPolicy.CamelCase.ConvertName(field);
}
