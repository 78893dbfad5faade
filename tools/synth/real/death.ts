// Death documents. The Dukcapil deed (Kutipan Akta Kematian): emblem, REPUBLIK INDONESIA, the deed
// number, and the death told in a sentence with the date in words and digits ("EMPAT BELAS SEPTEMBER
// DUA RIBU DUA PULUH ENAM (14-09-2026)"); names on deeds carry no titles. The death statement (surat
// keterangan kematian) from a hospital, a village or kelurahan office, or a sub-district office, on
// its letterhead, with the facts in label rows and the date as the office writes it.
import type { FieldValue } from '../../../src/shared/domain/documents';
import { addDays } from '../people';
import { makeDoc, type RealCtx } from './context';
import { camatName, HOSPITALS, officialName, officialNip, villageHeadName, type Resident } from './household';
import { deedHeading, deedSignature, Flow, letterhead, letterStyle, signBlock, type Kop } from './letter';
import { qr } from './marks';
import { GENDER_TEXT, mixedCase, weekday, writeDate, type RealDateStyle } from './print';
import { A4, type RealDoc } from './sheet';

export interface Death {
  date: string;
  time: string;
  /** Where, as the documents write it: a hospital, a home address, a town. */
  place: string;
  cause: string;
}

export function aktaKematian(c: RealCtx, who: Resident, death: Death): RealDoc {
  const { rng, home } = c;
  const a = home.address;
  const code = who.nik.slice(0, 4);
  const seq = String(rng.int(1, 2999)).padStart(4, '0');
  const nomor = `${code}-KM-${death.date.slice(8, 10)}${death.date.slice(5, 7)}${death.date.slice(0, 4)}-${seq}`;
  const style = rng.pick(['dotted', 'prose', 'rows'] as const);
  const s = letterStyle(rng, { font: rng.pick(['Liberation Serif', 'DejaVu Serif', 'Liberation Sans', 'DejaVu Sans Condensed']), justify: true });
  const place = rng.chance(0.7) ? a.town : death.place;
  const issued = addDays(death.date, rng.int(2, 30));
  const official = officialName(rng);
  const dateText = writeDate(death.date, rng.pick(['WORDS (dd-mm-yyyy)', 'WORDS (dd-mm-yyyy)', 'dd-mm-yyyy (words)'] as const)).toUpperCase();
  const nip = officialNip(rng);
  const truth: Record<string, FieldValue> = { nomor_akta: nomor, nama: who.nama, nik: who.nik, tanggal_kematian: death.date, tempat_kematian: place };
  return makeDoc(
    c,
    { type: 'akta_kematian', variant: `akta_kematian/${style}`, kind: 'paper', size: A4, truth, paper: rng.chance(0.5) ? '#f7f3e6' : '#fbfbf8' },
    [
      (k) => {
        const f = new Flow(k, s, 210, 18);
        deedHeading(k, f, 'KUTIPAN AKTA KEMATIAN', nomor, k.rng.pick(['WARGA NEGARA : INDONESIA', 'KEWARGANEGARAAN : WNI', 'WARGA NEGARA INDONESIA']));
        const dotted = (lead: string, value: string): void => {
          const st = f.st;
          const end = k.text(lead, f.left, f.y, st);
          const vw = k.width(value, { ...st, bold: true });
          const mid = (end + f.right) / 2;
          if (vw + 8 < f.right - end) {
            k.dots(end + 1, mid - vw / 2 - 1, f.y, st);
            k.text(value, mid - vw / 2, f.y, { ...st, bold: true });
            k.dots(mid + vw / 2 + 1, f.right, f.y, st);
            f.gap();
          } else {
            f.gap();
            f.para(value, 10, { bold: true });
          }
          f.gap(0.3);
        };
        if (style === 'dotted') {
          f.para(`Berdasarkan Akta Kematian Nomor ${nomor} menurut stelsel Indonesia,`);
          f.gap(0.4);
          dotted('bahwa di', place);
          dotted('pada tanggal', dateText);
          dotted('telah meninggal dunia', who.nama);
          dotted('NIK', who.nik);
          dotted('jenis kelamin', GENDER_TEXT[who.jenis_kelamin]);
          dotted('lahir di', `${who.tempat_lahir}, ${writeDate(who.tanggal_lahir, 'dd-mm-yyyy')}`);
        } else if (style === 'prose') {
          f.para(
            `Berdasarkan Akta Kematian Nomor ${nomor}, menurut stelsel Indonesia, bahwa di ${place} pada tanggal ${dateText} telah meninggal dunia seorang ${who.jenis_kelamin === 'L' ? 'laki-laki' : 'perempuan'} bernama ${who.nama}, NIK ${who.nik}, lahir di ${who.tempat_lahir} pada tanggal ${writeDate(who.tanggal_lahir, 'd bulan yyyy')}, anak dari ${who.ayah} dan ${who.ibu}.`,
          );
        } else {
          f.para('Menerangkan bahwa pada Register Akta Kematian telah dicatat kematian:');
          f.gap(0.4);
          f.row('Nama', who.nama, 8).row('NIK', who.nik, 8).row('Jenis Kelamin', GENDER_TEXT[who.jenis_kelamin], 8);
          f.row('Tempat Kematian', place, 8).row('Tanggal Kematian', dateText, 8);
        }
        f.gap(2);
        deedSignature(k, f, a, issued, official, nip);
        if (k.rng.chance(0.5)) qr(k, f.left, f.y + 4, 22);
      },
    ],
  );
}

export function suratKematian(c: RealCtx, who: Resident, death: Death): RealDoc {
  const { rng, home } = c;
  const a = home.address;
  const issuer = rng.pick(['hospital', 'village', 'village', 'district'] as const);
  const s = letterStyle(rng);
  const dateStyle: RealDateStyle = rng.pick(['d bulan yyyy', 'dd-mm-yyyy', 'dd/mm/yyyy', 'dd MMM yyyy upper', 'words']);
  const kab = a.kabupaten.replace(/^KABUPATEN /, '');
  const hospital = rng.pick(HOSPITALS);
  const village = a.desa ? `KANTOR KEPALA DESA ${a.kelurahan}` : `KELURAHAN ${a.kelurahan}`;
  const district = rng.chance(0.5) ? `KECAMATAN ${a.kecamatan}` : `KANTOR CAMAT ${a.kecamatan}`;
  const penerbit = issuer === 'hospital' ? hospital : issuer === 'village' ? village : district;
  const kop: Kop =
    issuer === 'hospital'
      ? {
          lines: [rng.pick(['PEMERINTAH PROVINSI JAMBI', `PEMERINTAH ${a.kabupaten}`, 'YAYASAN KESEHATAN']), hospital],
          address: `Jl. ${rng.pick(['Letjen Suprapto No. 31', 'Dr. Sutomo No. 19', 'Jenderal Sudirman No. 45'])} Telp. (0741) ${rng.int(20000, 79999)}`,
          mark: { initials: 'RS', colour: '#1b7f5b' },
        }
      : issuer === 'village'
        ? {
            lines: [`PEMERINTAH ${a.kabupaten}`, `KECAMATAN ${a.kecamatan}`, village],
            address: `Alamat: ${rng.pick(['Jl. Poros Desa', 'Jl. Lintas', 'Jl. Kantor Lurah'])} No. ${rng.int(1, 40)} Kode Pos ${a.kodePos}`,
            mark: 'emblem',
          }
        : {
            lines: [`PEMERINTAH ${a.kabupaten}`, district],
            address: `Jl. ${rng.pick(['Kapt. Pattimura', 'Lingkar Barat', 'Sultan Thaha'])} No. ${rng.int(1, 90)} ${mixedCase(kab)} ${a.kodePos}`,
            mark: 'emblem',
          };
  const name = issuer === 'hospital' ? who.nama : who.titled;
  const showName = issuer === 'hospital' && rng.chance(0.4) ? mixedCase(name) : name;
  const nomor =
    issuer === 'hospital'
      ? `${rng.int(100, 999)}/SKK/RM/${death.date.slice(0, 4)}`
      : `474.3/${rng.int(10, 400)}/${issuer === 'village' ? (a.desa ? 'DS' : 'KEL') : 'KEC'}/${death.date.slice(0, 4)}`;
  const age = Number(death.date.slice(0, 4)) - Number(who.tanggal_lahir.slice(0, 4));
  const signedOn = addDays(death.date, rng.int(0, 10));
  const signer =
    issuer === 'hospital'
      ? {
          title: rng.pick(['Dokter yang menerangkan,', 'Dokter Pemeriksa,']),
          name: `dr. ${rng.pick(['Rina Marlina', 'Hendri Gunawan', 'Yulia Rahmawati', 'Andi Pratama'])}`,
          nip: rng.chance(0.5) ? officialNip(rng) : undefined,
        }
      : issuer === 'village'
        ? {
            title: a.desa ? `Kepala Desa ${mixedCase(a.kelurahan)},` : `Lurah ${mixedCase(a.kelurahan)},`,
            name: villageHeadName(rng),
            nip: a.desa ? undefined : officialNip(rng),
          }
        : { title: `Camat ${mixedCase(a.kecamatan)},`, name: camatName(rng), nip: officialNip(rng) };
  const truth: Record<string, FieldValue> = { nama: name, nik: who.nik, tanggal_kematian: death.date, tempat_kematian: death.place, penerbit };
  return makeDoc(c, { type: 'surat_kematian', variant: `surat_kematian/${issuer}`, kind: 'paper', size: A4, truth }, [
    (k) => {
      const f = new Flow(k, s, 210, letterhead(k, kop, s.font));
      f.center('SURAT KETERANGAN KEMATIAN', { bold: true, size: s.size + 2 }, true);
      f.center(`Nomor : ${nomor}`);
      f.gap(0.8);
      f.para(
        issuer === 'hospital'
          ? `Yang bertanda tangan di bawah ini, dokter pada ${mixedCase(hospital)}, menerangkan bahwa:`
          : `Yang bertanda tangan di bawah ini ${signer.title.replace(/,$/, '')} Kecamatan ${mixedCase(a.kecamatan)} ${mixedCase(a.kabupaten)}, menerangkan dengan sebenarnya bahwa:`,
      );
      f.gap(0.4);
      f.row('Nama', showName, 8);
      if (issuer !== 'hospital' || k.rng.chance(0.6)) f.row(k.rng.pick(['NIK', 'NIK', 'No. KTP', 'N I K']), who.nik, 8);
      f.row('Jenis Kelamin', GENDER_TEXT[who.jenis_kelamin], 8);
      if (issuer === 'hospital') f.row('Umur', `${age} Tahun`, 8);
      else f.row('Tempat/Tgl. Lahir', `${who.tempat_lahir}, ${writeDate(who.tanggal_lahir, 'dd-mm-yyyy')}`, 8).row('Agama', who.agama, 8);
      f.row('Alamat', `${a.street} RT/RW ${a.rtrw} ${a.kelurahan}`, 8);
      f.gap(0.3);
      f.para('Telah meninggal dunia pada:');
      f.gap(0.3);
      const both = k.rng.chance(0.5);
      if (both) f.row('Hari/Tanggal', `${weekday(death.date)}, ${writeDate(death.date, dateStyle)}`, 8);
      else f.row('Hari', weekday(death.date), 8).row('Tanggal', writeDate(death.date, dateStyle), 8);
      f.row(k.rng.pick(['Pukul', 'Jam']), `${death.time.replace(':', '.')} WIB`, 8);
      f.row(k.rng.pick(['Tempat Meninggal', 'Bertempat di', 'Tempat Kematian', 'Meninggal di']), death.place, 8);
      f.row(k.rng.pick(['Sebab Kematian', 'Disebabkan karena', 'Penyebab']), death.cause, 8);
      f.gap(0.6);
      f.para('Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.');
      f.gap(1.5);
      signBlock(
        k,
        150,
        f.y,
        {
          above: [`${mixedCase(a.town)}, ${writeDate(signedOn, 'd bulan yyyy')}`, signer.title],
          name: signer.name,
          ...(signer.nip ? { nip: signer.nip } : {}),
          ...(issuer === 'hospital' ? {} : { stamp: penerbit }),
        },
        f.st,
      );
    },
  ]);
}
