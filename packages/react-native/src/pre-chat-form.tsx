import { useState } from 'react';
import { Pressable, ScrollView, StyleSheet, Text, TextInput, View, type TextInputProps } from 'react-native';
import { COLUMN } from './theme.js';
import { useChatUi } from './ui-context.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Who the visitor says they are: an email, and a name if they like. */
export interface PreChatAnswers {
  name?: string;
  email: string;
}

/**
 * Asked before the chat starts when the business requires identification
 * (`identification.required_on_start`) and nothing is known of the visitor: the email is required,
 * the name optional.
 */
export function PreChatForm({ onSubmit }: { onSubmit: (answers: PreChatAnswers) => void }) {
  const { strings, theme } = useChatUi();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const valid = EMAIL.test(email.trim());
  const submit = () => valid && onSubmit({ ...(name.trim() ? { name: name.trim() } : {}), email: email.trim() });
  return (
    <ScrollView contentContainerStyle={[styles.form, COLUMN]} keyboardShouldPersistTaps="handled">
      <Text style={[styles.intro, { color: theme.text }]}>{strings.preChatIntro}</Text>
      <LabeledInput id="tickki-name" label={strings.name} value={name} onChangeText={setName} autoComplete="name" textContentType="name" returnKeyType="next" />
      <LabeledInput
        id="tickki-email"
        label={strings.email}
        value={email}
        onChangeText={setEmail}
        autoComplete="email"
        textContentType="emailAddress"
        keyboardType="email-address"
        autoCapitalize="none"
        returnKeyType="go"
        onSubmitEditing={submit}
      />
      <Pressable
        onPress={submit}
        disabled={!valid}
        accessibilityRole="button"
        accessibilityLabel={strings.startChat}
        accessibilityState={{ disabled: !valid }}
        style={[styles.button, { backgroundColor: theme.primary }, !valid && styles.off]}
      >
        <Text style={[styles.buttonText, { color: theme.onPrimary }]}>{strings.startChat}</Text>
      </Pressable>
    </ScrollView>
  );
}

/** A text field with its visible label above it, named by that label for assistive technology. */
function LabeledInput({ id, label, ...input }: TextInputProps & { id: string; label: string }) {
  const { theme } = useChatUi();
  return (
    <View>
      <Text style={[styles.label, { color: theme.muted }]} nativeID={id}>
        {label}
      </Text>
      <TextInput
        {...input}
        accessibilityLabel={label}
        aria-labelledby={id}
        style={[styles.input, { color: theme.text, backgroundColor: theme.surface, borderColor: theme.border }]}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  form: { padding: 20, gap: 16 },
  intro: { fontSize: 16, lineHeight: 22 },
  label: { fontSize: 14, marginBottom: 6 },
  input: { minHeight: 44, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12, paddingVertical: 10, fontSize: 16 },
  button: { minHeight: 48, borderRadius: 24, alignItems: 'center', justifyContent: 'center', paddingHorizontal: 20 },
  buttonText: { fontSize: 16, fontWeight: '700' },
  off: { opacity: 0.45 },
});
