// Kubernetes' protobuf encoding, decode side only: client-go's typed clients (helm's Secrets and
// ConfigMaps storage drivers) send create/update bodies as `application/vnd.kubernetes.protobuf`.
// Only the core kinds those clients write are mapped; anything else is refused with 415.
import { badRequest, unsupportedMediaType } from './status';
import type { KubeObject } from './selectors';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

interface Field {
  no: number;
  /** varint value, or the bytes of a length-delimited field. */
  value: bigint | Buffer;
}

function readVarint(buf: Buffer, start: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  let pos = start;
  for (;;) {
    if (pos >= buf.length) throw badRequest('protobuf: truncated varint');
    const byte = buf[pos++];
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

/** Splits one message into its fields (wire types 0, 1, 2, 5). */
export function decodeFields(buf: Buffer): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, afterKey] = readVarint(buf, pos);
    pos = afterKey;
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [v, next] = readVarint(buf, pos);
      fields.push({ no, value: v });
      pos = next;
    } else if (wire === 2) {
      const [len, next] = readVarint(buf, pos);
      const end = next + Number(len);
      if (end > buf.length) throw badRequest('protobuf: truncated field');
      fields.push({ no, value: buf.subarray(next, end) });
      pos = end;
    } else if (wire === 1) {
      fields.push({ no, value: buf.readBigUInt64LE(pos) });
      pos += 8;
    } else if (wire === 5) {
      fields.push({ no, value: BigInt(buf.readUInt32LE(pos)) });
      pos += 4;
    } else throw badRequest(`protobuf: unsupported wire type ${wire}`);
  }
  return fields;
}

const str = (f: Field) => (f.value as Buffer).toString('utf8');
const num = (f: Field) => Number(BigInt.asIntN(64, f.value as bigint));

function mapEntry(f: Field, value: (v: Field) => unknown): [string, unknown] {
  const parts = decodeFields(f.value as Buffer);
  const k = parts.find((p) => p.no === 1);
  const v = parts.find((p) => p.no === 2);
  return [k ? str(k) : '', v ? value(v) : ''];
}

/** Adds one protobuf map entry to a (possibly absent) map and returns the map. */
function withEntry<T>(
  map: Record<string, T> | undefined,
  f: Field,
  value: (v: Field) => T,
): Record<string, T> {
  const [k, v] = mapEntry(f, value);
  const out = map ?? {};
  out[k] = v as T;
  return out;
}

function time(f: Field): string {
  const parts = decodeFields(f.value as Buffer);
  const seconds = parts.find((p) => p.no === 1);
  return new Date((seconds ? num(seconds) : 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Field numbers from k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto (ObjectMeta, OwnerReference).
function objectMeta(buf: Buffer): KubeObject['metadata'] {
  const meta: Record<string, any> = {};
  for (const f of decodeFields(buf)) {
    switch (f.no) {
      case 1:
        meta.name = str(f);
        break;
      case 2:
        meta.generateName = str(f);
        break;
      case 3:
        meta.namespace = str(f);
        break;
      case 5:
        meta.uid = str(f);
        break;
      case 6:
        meta.resourceVersion = str(f);
        break;
      case 7:
        meta.generation = num(f);
        break;
      case 8:
        meta.creationTimestamp = time(f);
        break;
      case 11:
        meta.labels = withEntry(meta.labels, f, str);
        break;
      case 12:
        meta.annotations = withEntry(meta.annotations, f, str);
        break;
      case 13:
        (meta.ownerReferences ??= []).push(ownerReference(f.value as Buffer));
        break;
      case 14:
        (meta.finalizers ??= []).push(str(f));
        break;
      default:
        break; // selfLink, deletion fields, managedFields: server-owned or unused here
    }
  }
  for (const key of ['name', 'generateName', 'namespace', 'uid', 'resourceVersion'] as const)
    if (meta[key] === '') delete meta[key];
  return meta as KubeObject['metadata'];
}

function ownerReference(buf: Buffer) {
  const ref: Record<string, unknown> = {};
  for (const f of decodeFields(buf)) {
    if (f.no === 1) ref.kind = str(f);
    if (f.no === 3) ref.name = str(f);
    if (f.no === 4) ref.uid = str(f);
    if (f.no === 5) ref.apiVersion = str(f);
    if (f.no === 6) ref.controller = f.value === 1n;
    if (f.no === 7) ref.blockOwnerDeletion = f.value === 1n;
  }
  return ref as { apiVersion: string; kind: string; name: string; uid: string };
}

// Field numbers from k8s.io/api/core/v1/generated.proto (Secret, ConfigMap).
function secret(buf: Buffer): KubeObject {
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: '' } };
  for (const f of decodeFields(buf)) {
    if (f.no === 1) obj.metadata = objectMeta(f.value as Buffer);
    if (f.no === 2)
      obj.data = withEntry(obj.data as Record<string, string> | undefined, f, (v) =>
        (v.value as Buffer).toString('base64'),
      );
    if (f.no === 3) obj.type = str(f);
    if (f.no === 4)
      obj.stringData = withEntry(obj.stringData as Record<string, string> | undefined, f, str);
    if (f.no === 5) obj.immutable = f.value === 1n;
  }
  return obj;
}

function configMap(buf: Buffer): KubeObject {
  const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '' } };
  for (const f of decodeFields(buf)) {
    if (f.no === 1) obj.metadata = objectMeta(f.value as Buffer);
    if (f.no === 2) obj.data = withEntry(obj.data as Record<string, string> | undefined, f, str);
    if (f.no === 3)
      obj.binaryData = withEntry(obj.binaryData as Record<string, string> | undefined, f, (v) =>
        (v.value as Buffer).toString('base64'),
      );
    if (f.no === 4) obj.immutable = f.value === 1n;
  }
  return obj;
}

const DECODERS: Record<string, (buf: Buffer) => KubeObject> = {
  'v1/Secret': secret,
  'v1/ConfigMap': configMap,
};

/** Decodes the `k8s\0` + runtime.Unknown envelope and the object inside it. */
export function decodeKubeProtobuf(body: Buffer): KubeObject {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC))
    throw badRequest('protobuf: missing k8s envelope');
  let apiVersion = '';
  let kind = '';
  let raw: Buffer = Buffer.alloc(0);
  for (const f of decodeFields(body.subarray(4))) {
    if (f.no === 1) {
      for (const t of decodeFields(f.value as Buffer)) {
        if (t.no === 1) apiVersion = str(t);
        if (t.no === 2) kind = str(t);
      }
    }
    if (f.no === 2) raw = f.value as Buffer;
  }
  const decode = DECODERS[`${apiVersion}/${kind}`];
  if (!decode) throw unsupportedMediaType(`${PROTOBUF_CONTENT_TYPE} (${apiVersion} ${kind})`);
  return decode(raw);
}
