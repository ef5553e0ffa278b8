using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Serialization;

/// <summary>A touch kind as its name (<c>"reminder"</c>).</summary>
internal sealed class TouchKindJsonConverter : JsonConverter<TouchKind>
{
    public override TouchKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A touch kind is a JSON string such as \"reminder\"; found {reader.TokenType}.");
        }

        try
        {
            return new TouchKind(reader.GetString()!);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, TouchKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
