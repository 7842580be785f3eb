-- Outreach: how to reach and address a customer, message templates and contact rules as data, and every message.

-- What a message needs to reach and address the customer, from customer.events (registered, updated); emptied on
-- erasure. Nothing else of the profile is kept.
create table care_contact_point (
    customer_id  uuid primary key,
    name         text,
    gender       text,
    mobile_phone text,
    email        text,
    updated_at   timestamptz not null
);

-- Message templates, versioned: the newest version of a code applies; a message names the version it used.
create table message_template (
    code              text not null,
    version           int not null,
    kind              text not null,
    channel           text not null,
    subject           text,
    body              text not null,
    sms_sign_name     text,
    sms_template_code text,
    author            text not null,
    note              text not null,
    created_at        timestamptz not null,
    primary key (code, version)
);

-- The contact rules, versioned: the newest applies.
create table contact_rules (
    version        int primary key,
    monthly_budget int not null,
    quiet_from     time not null,
    quiet_to       time not null,
    author         text not null,
    note           text not null,
    created_at     timestamptz not null
);

insert into contact_rules (version, monthly_budget, quiet_from, quiet_to, author, note, created_at)
values (1, 4, '21:00', '09:00', 'system', 'defaults: at most 4 contacts a month, nothing between 21:00 and 09:00',
        '2026-01-01T00:00:00Z');

-- Seeded templates: the delivery notice of seed 001 and a greeting per occasion (zh-CN).
insert into message_template (code, version, kind, channel, subject, body, sms_sign_name, sms_template_code,
                              author, note, created_at)
values ('DELIVERY_NOTICE_SMS', 1, 'APPOINTMENT', 'SMS', null,
        '尊敬的{customer.salutation}:您好!我是{company.name}{sender.department}{sender.name},我们将于{appointment.date}{appointment.time}左右上门为您送货服务,请家里留人。由于路途中可能会遇到塞车等情况,如有延误,敬请谅解;如有疑问请致电{company.hotline},我们将竭诚为您服务,祝您生活愉快!',
        '66号定制家居', 'SMS_DELIVERY_NOTICE', 'system', 'seed 001: the delivery confirmation (送货时间的确认短信)',
        '2026-01-01T00:00:00Z'),
       ('DELIVERY_NOTICE_EMAIL', 1, 'APPOINTMENT', 'EMAIL', '{company.name}送货时间确认:{appointment.date}{appointment.time}',
        '尊敬的{customer.salutation}:您好!我是{company.name}{sender.department}{sender.name},我们将于{appointment.date}{appointment.time}左右上门为您送货服务,请家里留人。由于路途中可能会遇到塞车等情况,如有延误,敬请谅解;如有疑问请致电{company.hotline},我们将竭诚为您服务,祝您生活愉快!',
        null, null, 'system', 'seed 001: the delivery confirmation, by email', '2026-01-01T00:00:00Z'),
       ('BIRTHDAY_SMS', 1, 'BIRTHDAY', 'SMS', null,
        '亲爱的{customer.salutation}:{company.name}祝您生日快乐,万事如意!{#if offer}您的生日礼遇:{offer}。{/if}',
        '66号定制家居', 'SMS_BIRTHDAY', 'system', 'birthday greeting', '2026-01-01T00:00:00Z'),
       ('BIRTHDAY_EMAIL', 1, 'BIRTHDAY', 'EMAIL', '{customer.salutation},生日快乐!',
        '亲爱的{customer.salutation}:

{company.name}祝您生日快乐,万事如意!{#if offer}

您的生日礼遇:{offer}。{/if}

如有任何需要,欢迎致电 {company.hotline}。',
        null, null, 'system', 'birthday greeting', '2026-01-01T00:00:00Z'),
       ('FESTIVAL_SMS', 1, 'FESTIVAL', 'SMS', null,
        '尊敬的{customer.salutation}:{company.name}恭祝您{festival.name}快乐,阖家幸福!{#if offer}节日礼遇:{offer}。{/if}',
        '66号定制家居', 'SMS_FESTIVAL', 'system', 'holiday greeting', '2026-01-01T00:00:00Z'),
       ('FESTIVAL_EMAIL', 1, 'FESTIVAL', 'EMAIL', '{company.name}恭祝您{festival.name}快乐',
        '尊敬的{customer.salutation}:

{company.name}恭祝您{festival.name}快乐,阖家幸福!{#if offer}

节日礼遇:{offer}。{/if}',
        null, null, 'system', 'holiday greeting', '2026-01-01T00:00:00Z');

-- Every message: placed once per customer and occasion (a birthday in a year, an appointment, a follow-up), then
-- sent, suppressed by a contact rule (named), or failed after its attempts. Text, address and values as sent are
-- erased with the customer; the facts stay.
create table care_message (
    id               uuid primary key,
    customer_id      uuid not null,
    occasion         text not null,
    kind             text not null,
    channel          text not null,
    template_code    text not null,
    template_version int,
    placeholder_values jsonb not null default '{}',
    status           text not null,
    rule             text,
    send_after       timestamptz not null,
    attempts         int not null default 0,
    recipient        text,
    subject          text,
    body             text,
    error            text,
    placed_by        text not null,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    updated_at       timestamptz not null,
    version          bigint not null default 0,
    constraint care_message_once unique (customer_id, occasion)
);
create index care_message_due on care_message (send_after) where status = 'PENDING';
create index care_message_customer on care_message (customer_id, created_at);
