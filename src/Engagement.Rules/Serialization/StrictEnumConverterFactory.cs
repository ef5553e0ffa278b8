using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engagement.Rules.Serialization;

/// <summary>
/// Enums as the name of one declared member. System.Text.Json's own enum converter also reads comma-separated
/// lists as a flags combination (<c>"Sms, Phone"</c> is 1 | 2, which is <c>Mail</c>) and trims spaces: for these
/// non-flags enums that silently turns a list into another member, so only a single declared name is read.
/// Names match case-insensitively, as before; numbers and unknown names are errors.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert).GetConstructor(Type.EmptyTypes)!.Invoke(null);
}

/// <summary>See <see cref="StrictEnumConverterFactory"/>.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class StrictEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> Names = CreateNames();

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A JsonException without a message: the serializer adds "could not be converted to T" and the path, and
        // the reader's error translation lists the names.
        if (reader.TokenType != JsonTokenType.String || !Names.TryGetValue(reader.GetString()!, out var value))
        {
            throw new JsonException();
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Enum.GetName(value) ?? throw new JsonException($"The value {value} is not a declared {typeof(T).Name}."));

    private static Dictionary<string, T> CreateNames()
    {
        var names = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<T>())
        {
            names.TryAdd(Enum.GetName(value)!, value);
        }

        return names;
    }
}
