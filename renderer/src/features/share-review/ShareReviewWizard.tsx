import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueries } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { Form } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/contract.ts';
import {
  SHARE_FIELDS,
  type ReviewedShareInput,
  type ShareReview,
  type ShareWritten,
} from '../../../../shared/share.ts';
import { useAppInfo } from '../../app/app-info.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { call } from '../../lib/api.ts';
import { useErrorText } from '../../lib/errors.ts';
import { domainKey, invalidateVaultQueries, useVaultQuery } from '../../lib/vault-mutation.ts';
import { recipientName } from '../disclosures/format.ts';
import type { ChosenPerson } from '../notes/PersonPicker.tsx';
import { CandidateCard } from './CandidateCard.tsx';
import { isFullPath, OutputStep, type Destination } from './OutputStep.tsx';
import { RecipientStep } from './RecipientStep.tsx';
import { SharedPersons } from './SharedPersons.tsx';
import {
  chosenDecisions,
  countDecisions,
  initialChoices,
  initialSetup,
  overrideState,
  recipientOf,
  reviewKey,
  setupSchema,
  suggestedFileName,
  toShareChoices,
  type Output,
  type PersonChoice,
  type Seal,
  type SetupOutput,
  type SetupValues,
} from './share-values.ts';
import { ShareResult } from './ShareResult.tsx';
import '../notes/notes.css';
import './share-review.css';

export interface ShareReviewWizardProps {
  /** Persons already chosen (a share started from a person page). */
  initialPersonIds: number[];
  /** A partner already chosen as the recipient (a share started from a partner page). */
  initialPartnerId: number | null;
}

/**
 * The risk review before any name leaves the vault (issue 6), on one screen from top to
 * bottom: recipient and purpose; each person's risk, consent and history with the rules'
 * decision and the leader's own (an override needs a reason and the codename typed out);
 * the output and where it goes; then what was written. The core re-runs the rules on every
 * write whatever this screen says.
 */
export function ShareReviewWizard({ initialPersonIds, initialPartnerId }: ShareReviewWizardProps) {
  const { t } = useTranslation();
  const [session, setSession] = useState({ generation: 0, reviewedBy: '' });
  const first = session.generation === 0;
  const wanted = first ? initialPersonIds : [];
  // The persons a share was started with (each by id, not the whole list of a large vault):
  // name, codename, position and agency for the picker and the banner.
  const persons = useQueries({
    queries: wanted.map((id) => ({
      queryKey: domainKey('persons:get', { id }),
      queryFn: () => call('persons:get', { id }),
    })),
  });
  if (persons.some((query) => query.isPending)) {
    return <Progress label={t('ui.shareReview.setup.loadingPersons')} />;
  }
  const initialPersons = persons.flatMap((query): ChosenPerson[] => {
    const person = query.data?.person;
    return person
      ? [
          {
            id: person.id,
            fullName: person.fullName,
            codename: person.codename,
            position: person.position,
            agencyName: person.agencyName,
          },
        ]
      : [];
  });
  const loadError = persons.find((query) => query.isError)?.error ?? null;
  return (
    <ShareSession
      key={session.generation}
      initialPersons={initialPersons}
      initialPartnerId={first ? initialPartnerId : null}
      reviewedBy={session.reviewedBy}
      loadError={loadError}
      focusOnMount={!first}
      onNewShare={(reviewedBy) => {
        setSession((before) => ({ generation: before.generation + 1, reviewedBy }));
      }}
    />
  );
}

interface WriteRequest {
  review: ReviewedShareInput;
  output: Output;
  seal: Seal;
  destination: { path: string; replaceExisting: boolean };
}

/** The one channel each output goes through; the core's gate checks the review on each. */
function writeShare({ review, output, seal, destination }: WriteRequest): Promise<ShareWritten> {
  switch (output) {
    case 'pdf':
    case 'html':
      return call('share:writeDossier', { review, format: output, destination });
    case 'csv':
      return call('share:writeList', { review, destination });
    case 'package':
      return call('share:writePackage', { review, seal, destination });
  }
}

/** The folder of a path and its separator, for the example under "Save to". */
function folderOf(path: string): { folder: string; separator: string } {
  const separator = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const cut = path.lastIndexOf(separator);
  return { folder: cut > 0 ? path.slice(0, cut) : '', separator };
}

function ShareSession({
  initialPersons,
  initialPartnerId,
  reviewedBy,
  loadError,
  focusOnMount,
  onNewShare,
}: {
  initialPersons: ChosenPerson[];
  initialPartnerId: number | null;
  reviewedBy: string;
  loadError: Error | null;
  focusOnMount: boolean;
  onNewShare: (reviewedBy: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const info = useAppInfo();
  const partnersQuery = useVaultQuery('partners:list', {});
  const partners = partnersQuery.data?.rows ?? [];

  const form = useForm<SetupValues, unknown, SetupOutput>({
    resolver: zodResolver(setupSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: initialSetup(initialPartnerId, initialPersons, reviewedBy),
  });
  const values = useWatch({ control: form.control }) as SetupValues;

  const reviewMutation = useMutation({
    mutationFn: (query: Input<'share:review'>) => call('share:review', query),
  });
  const [reviewed, setReviewed] = useState<{ key: string; review: ShareReview } | null>(null);
  const [choices, setChoices] = useState<Record<number, PersonChoice>>({});
  const [output, setOutput] = useState<Output>('pdf');
  const [sealChoice, setSealChoice] = useState<Seal>('partner-key');
  const [destination, setDestination] = useState<Destination>({ path: '', fromDialog: false });
  const [setupInvalid, setSetupInvalid] = useState(false);
  const [written, setWritten] = useState<ShareWritten | null>(null);

  const choose = useMutation({
    mutationFn: (input: Input<'dialog:chooseExportPath'>) => call('dialog:chooseExportPath', input),
    onSuccess: ({ path }) => {
      if (path) setDestination({ path, fromDialog: true });
    },
  });
  const write = useMutation({
    mutationFn: writeShare,
    // The disclosure log, the person pages' "who outside knows" and the audit follow.
    onSuccess: () => invalidateVaultQueries(),
  });

  const setupHeading = useRef<HTMLHeadingElement>(null);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) setupHeading.current?.focus();
  }, [focusOnMount]);
  // A new review: its heading takes the focus, so the reader continues with the persons.
  useEffect(() => {
    if (reviewed) reviewHeading.current?.focus();
  }, [reviewed]);

  const busy = reviewMutation.isPending || write.isPending;
  const stale = reviewed !== null && reviewed.key !== reviewKey(values);

  const startReview = form.handleSubmit((setup) => {
    const recipient = recipientOf(setup);
    if (!recipient) return;
    const key = reviewKey(setup);
    setSetupInvalid(false);
    reviewMutation.mutate(
      { recipient, personIds: setup.persons.map((person) => person.id) },
      {
        onSuccess: (review) => {
          setChoices((before) => initialChoices(review.candidates, before));
          setReviewed({ key, review });
        },
      },
    );
  });

  const partner =
    values.recipientKind === 'partner'
      ? (partners.find((row) => String(row.id) === values.partnerId) ?? null)
      : null;
  const seal: Seal = partner?.shareKeyFingerprint ? sealChoice : 'passphrase';

  if (written) {
    return (
      <div className="share-review">
        <ShareResult
          written={written}
          onNewShare={() => {
            onNewShare(form.getValues('reviewedBy'));
          }}
        />
      </div>
    );
  }

  const candidates = reviewed?.review.candidates ?? [];
  const choiceOf = (candidate: (typeof candidates)[number]): PersonChoice =>
    choices[candidate.personId] ?? {
      ruled: candidate.decision,
      decision: candidate.decision,
      justification: '',
      typedCodename: '',
    };
  const counts = countDecisions(chosenDecisions(candidates, choices));
  const shown = counts.named + counts.codename;
  const openOverrides = candidates.filter(
    (candidate) => !overrideState(candidate.codename, choiceOf(candidate)).valid,
  ).length;
  const suggestedName = reviewed
    ? suggestedFileName(reviewed.review.recipientLabel, reviewed.review.today, output)
    : '';
  const { folder, separator } = folderOf(info.defaultVaultPath);
  const examplePath = `${folder}${separator}${suggestedName}`;
  const path = destination.path.trim();

  const blockers: string[] = [];
  if (openOverrides > 0)
    blockers.push(t('ui.shareReview.output.blocked.overrides', { count: openOverrides }));
  if (candidates.length > 0 && shown === 0)
    blockers.push(t('ui.shareReview.output.blocked.allWithheld'));
  if (path === '') {
    blockers.push(
      t(
        info.fileDialogs
          ? 'ui.shareReview.output.blocked.destination'
          : 'ui.shareReview.output.blocked.path',
      ),
    );
  } else if (!destination.fromDialog && !isFullPath(path)) {
    blockers.push(t('ui.shareReview.output.blocked.path'));
  }

  const submitWrite = () => {
    if (!reviewed || stale || blockers.length > 0) return;
    setSetupInvalid(false);
    void form.handleSubmit(
      (setup) => {
        const recipient = recipientOf(setup);
        if (!recipient) return;
        write.mutate(
          {
            review: {
              recipient,
              purpose: setup.purpose,
              reviewedBy: setup.reviewedBy,
              fields: SHARE_FIELDS.filter((field) => setup.fields.includes(field)),
              choices: toShareChoices(candidates, choices),
            },
            output,
            seal,
            destination: { path, replaceExisting: destination.fromDialog },
          },
          {
            onSuccess: (result) => {
              setWritten(result);
              // The one-time passphrase stays in this screen's state only, not in the cache.
              write.reset();
            },
          },
        );
      },
      () => {
        setSetupInvalid(true);
      },
    )();
  };

  const action = t(`ui.shareReview.output.action.${output}`);
  const personsText = t('ui.shareReview.output.persons', { count: shown });
  const writeLabel =
    counts.withheld > 0
      ? t('ui.shareReview.output.writeWithheld', {
          action,
          persons: personsText,
          withheld: t('ui.shareReview.output.withheld', { count: counts.withheld }),
        })
      : t('ui.shareReview.output.write', { action, persons: personsText });

  return (
    <div className="share-review">
      <p className="share-review__intro">{t('ui.shareReview.intro')}</p>
      {loadError ? <Alert tone="error">{errorText(loadError)}</Alert> : null}
      <SharedPersons persons={values.persons} />

      <Step number={1} name={t('ui.shareReview.steps.recipient')} ref={setupHeading}>
        <Form
          className="stack"
          validationBehavior="aria"
          onSubmit={(event) => {
            void startReview(event);
          }}
        >
          <RecipientStep
            control={form.control}
            errors={form.formState.errors}
            recipientKind={values.recipientKind}
            partners={partners}
            partnersLoading={partnersQuery.isPending}
            isDisabled={busy}
          />
          {partnersQuery.isError ? (
            <Alert tone="error">{errorText(partnersQuery.error)}</Alert>
          ) : null}
          {reviewMutation.isError ? (
            <Alert tone="error">{errorText(reviewMutation.error)}</Alert>
          ) : null}
          {reviewMutation.isPending ? (
            <Progress label={t('ui.shareReview.setup.reviewing')} />
          ) : null}
          <div className="actions">
            <Button
              type="submit"
              variant={reviewed && !stale ? 'secondary' : 'primary'}
              isDisabled={busy}
            >
              {reviewed ? t('ui.shareReview.setup.reviewAgain') : t('ui.shareReview.setup.review')}
            </Button>
          </div>
        </Form>
      </Step>

      {reviewed && stale ? <Alert tone="warning">{t('ui.shareReview.review.stale')}</Alert> : null}

      {reviewed && !stale ? (
        <>
          <Step number={2} name={t('ui.shareReview.steps.review')} ref={reviewHeading}>
            <p className="share-step__intro">
              {t('ui.shareReview.review.intro', {
                recipient: recipientName(t, values.recipientKind, reviewed.review.recipientLabel),
              })}
            </p>
            <SharedPersons persons={values.persons} />
            <ul className="share-people" aria-label={t('ui.shareReview.review.persons')}>
              {candidates.map((candidate) => (
                <CandidateCard
                  key={candidate.personId}
                  candidate={candidate}
                  choice={choiceOf(candidate)}
                  isDisabled={busy}
                  onChange={(choice) => {
                    setChoices((before) => ({ ...before, [candidate.personId]: choice }));
                  }}
                />
              ))}
            </ul>
            <p className="share-summary" role="status">
              {t('ui.shareReview.review.summary', {
                named: counts.named,
                codename: counts.codename,
                withheld: counts.withheld,
              })}
            </p>
          </Step>

          <Step number={3} name={t('ui.shareReview.steps.output')}>
            <div className="stack">
              <OutputStep
                output={output}
                onOutput={(next) => {
                  setOutput(next);
                  // A file chosen in the dialog carries the old kind's extension.
                  if (destination.fromDialog) setDestination({ path: '', fromDialog: false });
                }}
                seal={seal}
                onSeal={setSealChoice}
                partner={partner}
                destination={destination}
                onDestination={setDestination}
                fileDialogs={info.fileDialogs}
                onChoose={() => {
                  choose.mutate({ suggestedName, kind: output });
                }}
                choosing={choose.isPending}
                examplePath={examplePath}
                isDisabled={busy}
              />
              <SharedPersons persons={values.persons} />
              <WriteBar
                label={writeLabel}
                blockers={blockers}
                busy={busy}
                onWrite={submitWrite}
                error={
                  write.isError
                    ? errorText(write.error)
                    : choose.isError
                      ? errorText(choose.error)
                      : setupInvalid
                        ? t('ui.shareReview.output.setupInvalid')
                        : null
                }
                writing={write.isPending}
              />
            </div>
          </Step>
        </>
      ) : null}
    </div>
  );
}

/** The write button, why it is not available yet, and what the core answered. */
function WriteBar({
  label,
  blockers,
  busy,
  onWrite,
  error,
  writing,
}: {
  label: string;
  blockers: string[];
  busy: boolean;
  onWrite: () => void;
  error: string | null;
  writing: boolean;
}) {
  const { t } = useTranslation();
  const blockersId = useId();
  return (
    <div className="share-write">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {writing ? <Progress label={t('ui.shareReview.output.writing')} /> : null}
      <div className="actions">
        <Button
          variant="primary"
          onPress={onWrite}
          isDisabled={busy || blockers.length > 0}
          aria-describedby={blockers.length > 0 ? blockersId : undefined}
        >
          {label}
        </Button>
      </div>
      {blockers.length > 0 ? (
        <ul className="share-blockers" id={blockersId}>
          {blockers.map((blocker) => (
            <li key={blocker}>{blocker}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One numbered step: its heading (focusable, so focus can be moved to it) and its content. */
function Step({
  number,
  name,
  children,
  ref,
}: {
  number: number;
  name: string;
  children: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="share-step" aria-labelledby={titleId}>
      <h2 className="share-step__title" id={titleId} ref={ref} tabIndex={-1}>
        <span className="share-step__number" aria-hidden="true">
          {number}
        </span>
        <span className="visually-hidden">{t('ui.shareReview.stepLabel', { step: number })} </span>
        <span>{name}</span>
      </h2>
      {children}
    </section>
  );
}
