-- What the customer hears about their complaint (care-service places these on complaint-service's events): received,
-- with the resolve-by deadline, and resolved. SMS through the provider's approved template, and by email.
insert into message_template (code, version, kind, channel, subject, body, sms_sign_name, sms_template_code,
                              author, note, created_at)
values ('COMPLAINT_RECEIVED_SMS', 1, 'COMPLAINT_RECEIVED', 'SMS', null,
        '尊敬的{customer.salutation}:您的投诉(编号{complaint.reference})我们已受理,专人正在处理{#if complaint.resolveBy},将于{complaint.resolveBy}前给您答复{/if}。如有疑问请致电{company.hotline}。',
        '66号定制家居', 'SMS_COMPLAINT_RECEIVED', 'system', 'complaint acknowledged (1-24-48: the 1-hour response)',
        '2026-01-01T00:00:00Z'),
       ('COMPLAINT_RECEIVED_EMAIL', 1, 'COMPLAINT_RECEIVED', 'EMAIL', '{company.name}已受理您的投诉({complaint.reference})',
        '尊敬的{customer.salutation}:

您的投诉(编号{complaint.reference})我们已受理,专人正在处理{#if complaint.resolveBy},将于{complaint.resolveBy}前给您答复{/if}。

如有疑问请致电 {company.hotline},我们将竭诚为您服务。',
        null, null, 'system', 'complaint acknowledged, by email', '2026-01-01T00:00:00Z'),
       ('COMPLAINT_RESOLVED_SMS', 1, 'COMPLAINT_RESOLVED', 'SMS', null,
        '尊敬的{customer.salutation}:您的投诉(编号{complaint.reference})已处理完毕,感谢您的耐心。我们会再与您联系,了解您是否满意。如有疑问请致电{company.hotline}。',
        '66号定制家居', 'SMS_COMPLAINT_RESOLVED', 'system', 'complaint resolved', '2026-01-01T00:00:00Z'),
       ('COMPLAINT_RESOLVED_EMAIL', 1, 'COMPLAINT_RESOLVED', 'EMAIL', '您的投诉({complaint.reference})已处理完毕',
        '尊敬的{customer.salutation}:

您的投诉(编号{complaint.reference})已处理完毕,感谢您的耐心。我们会再与您联系,了解您是否满意。

如有疑问请致电 {company.hotline}。',
        null, null, 'system', 'complaint resolved, by email', '2026-01-01T00:00:00Z');
