using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Cli.Output;

/// <summary>Rule diagnostics for people (<c>file:line:col: severity code: message</c>, source line, caret) and for programs (JSON).</summary>
internal static class DiagnosticText
{
    public static string Format(RuleDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Format();
    }

    /// <summary>A JSON array of objects: file, line, column, code, severity, message, ruleId.</summary>
    public static void WriteJson(TextWriter writer, IEnumerable<RuleDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,

            // For editors, CI logs and people, never embedded in HTML: 'field' stays 'field', not \u0027field\u0027.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("file", d.Location.File);
                json.WriteNumber("line", d.Location.Line);
                json.WriteNumber("column", d.Location.Column);
                json.WriteString("code", d.Code);
                json.WriteString("severity", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
                json.WriteString("message", d.Message);
                if (d.RuleId is null)
                {
                    json.WriteNull("ruleId");
                }
                else
                {
                    json.WriteString("ruleId", d.RuleId);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
