import { useState } from 'react';
import { Pressable, ScrollView, StyleSheet, Text, TextInput, View } from 'react-native';
import type { Identity } from './identity.js';
import { COLUMN } from './theme.js';
import { useChatUi } from './ui-context.js';


const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asked before the chat starts when the business requires identification (`identification.required_on_start`). */
export function PreChatForm({ onSubmit, initial }: { onSubmit: (identity: Identity) => void; initial?: Partial<Identity> | undefined }) {
  const { strings, theme } = useChatUi();
  const [name, setName] = useState(initial?.name ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const valid = name.trim().length > 0 && EMAIL.test(email.trim());
  const submit = () => valid && onSubmit({ name: name.trim(), email: email.trim() });
  const field = [styles.input, { color: theme.text, backgroundColor: theme.surface, borderColor: theme.border }];
  return (
    <ScrollView contentContainerStyle={[styles.form, COLUMN]} keyboardShouldPersistTaps="handled">
      <Text style={[styles.intro, { color: theme.text }]}>{strings.preChatIntro}</Text>
      <View>
        <Text style={[styles.label, { color: theme.muted }]} nativeID="tickki-name">
          {strings.name}
        </Text>
        <TextInput
          value={name}
          onChangeText={setName}
          accessibilityLabel={strings.name}
          aria-labelledby="tickki-name"
          autoComplete="name"
          textContentType="name"
          returnKeyType="next"
          style={field}
        />
      </View>
      <View>
        <Text style={[styles.label, { color: theme.muted }]} nativeID="tickki-email">
          {strings.email}
        </Text>
        <TextInput
          value={email}
          onChangeText={setEmail}
          accessibilityLabel={strings.email}
          aria-labelledby="tickki-email"
          autoComplete="email"
          textContentType="emailAddress"
          keyboardType="email-address"
          autoCapitalize="none"
          returnKeyType="go"
          onSubmitEditing={submit}
          style={field}
        />
      </View>
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

const styles = StyleSheet.create({
  form: { padding: 20, gap: 16 },
  intro: { fontSize: 16, lineHeight: 22 },
  label: { fontSize: 14, marginBottom: 6 },
  input: { minHeight: 44, borderWidth: 1, borderRadius: 10, paddingHorizontal: 12, paddingVertical: 10, fontSize: 16 },
  button: { minHeight: 48, borderRadius: 24, alignItems: 'center', justifyContent: 'center', paddingHorizontal: 20 },
  buttonText: { fontSize: 16, fontWeight: '700' },
  off: { opacity: 0.45 },
});
